import type { Language } from '../i18n/messages.js';

const units: Record<Language, readonly [string, string, string]> = {
  fr: ['o', 'Kio', 'Mio'],
  en: ['B', 'KiB', 'MiB'],
};

/** A file's size as people read it: « 836 o », « 12 Kio », « 3,4 Mio ». */
export function fileSize(bytes: number, language: Language): string {
  const [byte, kilo, mega] = units[language];
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  if (bytes < 1024) return `${bytes} ${byte}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString(locale)} ${kilo}`;
  const value = (bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 });
  return `${value} ${mega}`;
}
