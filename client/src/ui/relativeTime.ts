/**
 * « il y a 5 min », « hier », or the date past a week: how long ago `iso` was, in the page's
 * language. `now` is passed in so that the function stays pure (and testable).
 */
export function relativeTime(iso: string, language: 'fr' | 'en', now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'second').replace(/^./, (c) => c.toLowerCase());
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return new Date(then).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
