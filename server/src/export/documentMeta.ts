import { stripInvalidXmlChars } from './xml.js';

/** What the caller says about the report besides its content. */
export interface ExportMeta {
  title: string;
  /** BCP 47 language tag of the report; 'fr' when absent or malformed. */
  language?: string;
  /** Creation date written into the document properties and zip entries; now when absent. */
  date?: Date;
}

export interface ResolvedMeta {
  /** Never empty: an untitled report is still exported with a title. */
  title: string;
  /** The tag as the caller gave it once checked, e.g. 'fr' (HTML `lang`). */
  language: string;
  /** Language and country split for office formats, which want a region ('fr' → fr-FR). */
  locale: { language: string; country: string | null; tag: string };
  date: Date;
}

const DEFAULT_TITLE = 'Rapport';

// Word and LibreOffice pick dictionaries and typography (French spaces before « ; : ») by region.
const DEFAULT_REGIONS: Record<string, string> = {
  fr: 'FR',
  en: 'GB',
  de: 'DE',
  es: 'ES',
  it: 'IT',
  nl: 'NL',
  pt: 'PT',
};

export function resolveMeta(meta: ExportMeta): ResolvedMeta {
  const title = stripInvalidXmlChars(String(meta.title ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  const requested = typeof meta.language === 'string' ? meta.language.trim() : '';
  const language = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(requested) ? requested : 'fr';
  const [primary = 'fr', ...subtags] = language.split('-');
  const primaryLower = primary.toLowerCase();
  const region =
    subtags.find((subtag) => /^([A-Za-z]{2}|\d{3})$/.test(subtag))?.toUpperCase() ??
    DEFAULT_REGIONS[primaryLower] ??
    null;
  const date =
    meta.date instanceof Date && !Number.isNaN(meta.date.getTime()) ? meta.date : new Date();
  return {
    title: title === '' ? DEFAULT_TITLE : title,
    language,
    locale: {
      language: primaryLower,
      country: region,
      tag: region ? `${primaryLower}-${region}` : primaryLower,
    },
    date,
  };
}

/** W3C date-time without milliseconds, as docProps/core.xml and meta.xml expect. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
