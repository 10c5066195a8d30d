/**
 * A calendar day (ISO `YYYY-MM-DD`, as the server stores periods) the way people write it:
 * 15/01/2026 in French, 15 Jan 2026 in English. Read as a day, never shifted by a time zone.
 */
export function formatDay(isoDay: string, language: 'fr' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return language === 'fr'
    ? `${day}/${month}/${year}`
    : date.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
}
