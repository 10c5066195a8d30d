import { observationSources, type ObservationSource } from '@boussole/shared';

/**
 * Turning a cell of a survey or indicator export into a card's field: dates as yyyy-mm-dd,
 * French numbers, sources to the card's list, publics and communes to the workspace's own
 * spelling. Each returns undefined (or null) when it does not understand the value, so the
 * caller can list it as unmatched instead of guessing.
 */

/** Lower case, no accents, no spaces, apostrophes or hyphens: how two spellings are compared. */
export function comparisonKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\s'’‘`\-‐‑–—_.]/g, '');
}

/** `value` as the list spells it, or undefined when no entry compares equal. */
export function matchListValue(value: string, list: readonly string[]): string | undefined {
  const key = comparisonKey(value);
  if (!key) return undefined;
  return list.find((entry) => comparisonKey(entry) === key);
}

/** Words of a survey's source column → the card's source; looked up by comparisonKey. */
const sourceWords: [string, ObservationSource][] = [
  ['entretien', 'entretien'],
  ['interview', 'entretien'],
  ['questionnaire', 'questionnaire'],
  ['enquete', 'questionnaire'],
  ['sondage', 'questionnaire'],
  ['formulaire', 'questionnaire'],
  ['atelier', 'atelier'],
  ['focusgroup', 'atelier'],
  ['reunion', 'atelier'],
  ['permanence', 'permanence'],
  ['accueil', 'permanence'],
  ['microtrottoir', 'micro-trottoir'],
  ['trottoir', 'micro-trottoir'],
];

/**
 * The card's source for a label such as « Entretien collectif », « questionnaire en ligne »
 * or « permanence CCAS »: the first known word the label starts with or contains.
 */
export function matchSource(value: string): ObservationSource | undefined {
  const key = comparisonKey(value);
  if (!key) return undefined;
  const exact = observationSources.find((source) => comparisonKey(source) === key);
  if (exact) return exact;
  return (
    sourceWords.find(([word]) => key.startsWith(word))?.[1] ??
    sourceWords.find(([word]) => key.includes(word))?.[1]
  );
}

const frenchMonths: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2100) return undefined;
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Days between 1899-12-30 (Excel's day 0, leap-year bug included) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * A day as yyyy-mm-dd from yyyy-mm-dd (a time after it is ignored), dd/mm/yyyy, dd/mm/yy,
 * dd.mm.yyyy, « 2 avril 2026 » / « 1er avril 2026 », or an Excel serial number (a date cell
 * read as a number); undefined when it is none of them or no real day.
 */
export function parseDay(value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+[\d:]+)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoDay(year, Number(m[2]), Number(m[1]));
  }
  m = /^(?:[a-zA-Zéû]+\.?\s+)?(\d{1,2})(?:er)?\s+([\p{L}.]+)\s+(\d{4})$/u.exec(text);
  if (m) {
    const month = frenchMonths[comparisonKey(m[2]!)];
    return month ? isoDay(Number(m[3]), month, Number(m[1])) : undefined;
  }
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text.replace(',', '.')));
    // 1950–2100: a five-digit number outside that range is no date of a survey.
    if (serial < 18_264 || serial > 73_415) return undefined;
    return new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

/**
 * A number written the French way — « 12,8 », « 1 234,5 » (spaces, no-break or narrow
 * no-break spaces between thousands), « 12,8 % », « -3,2 » — or the English way (« 1234.5 »);
 * null when it is not one number.
 */
export function parseFrenchNumber(value: string): number | null {
  let text = value
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s?(%|‰|€|\$)$/, '')
    .replace(/^[−–]/, '-')
    .replace(/^\+/, '');
  // Spaces only between groups of three digits: « 1 2 3 » is not one number.
  if (text.includes(' ')) {
    if (!/^-?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(text)) return null;
    text = text.replace(/ /g, '');
  }
  if (!text) return null;
  if (/^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) {
    // 1.234,5: dots between thousands, comma before decimals.
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d+,\d+$/.test(text)) {
    text = text.replace(',', '.');
  } else if (!/^-?\d+(?:\.\d+)?$/.test(text)) {
    return null;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A whole year 1900–2100 (« 2021 », « 2021.0 »), else null. */
export function parseYear(value: string): number | null {
  const n = parseFrenchNumber(value);
  if (n === null || !Number.isInteger(n) || n < 1900 || n > 2100) return null;
  return n;
}
