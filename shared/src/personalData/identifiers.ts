import type { PersonalDataKind } from '../api/imports.js';

/** A match before overlaps are resolved. */
export interface Candidate {
  kind: PersonalDataKind;
  start: number;
  end: number;
  personKey?: string;
  /** A name after a civil title: a person even when it is also a place ("Mme Rochebrune"). */
  titled?: boolean;
}

// Boundaries: a match never starts or ends inside a word or a longer number.
const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]*@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/**
 * French numbers: 0 then 9 digits (landlines 01–05 and 09, mobiles 06–07), or the
 * international forms +33 / 0033, with "(0)" sometimes kept; pairs separated by spaces, dots,
 * dashes or nothing. 08 numbers belong to services (0 800 free lines…), not to people.
 */
const phonePattern =
  /(?<![\p{L}\p{N}+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-79](?:[\s.-]?\d{2}){4}(?![\p{N}])/gu;

/**
 * NIR: sex (1/2), year, month, département (2A/2B for Corsica), commune, order, then an
 * optional 2-digit key; written with or without the usual spaces.
 */
const nirPattern =
  /(?<![\p{L}\p{N}])([12])\s?(\d{2})\s?(\d{2})\s?(\d{2}|2[AB])\s?(\d{3})\s?(\d{3})(?:\s?(\d{2}))?(?![\p{L}\p{N}])/gu;

/** IBAN: country, check digits, then the account in groups of four (spaces optional). */
const ibanPattern =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu;

const months = String.raw`[jJ]anvier|[fF][ée]vrier|[mM]ars|[aA]vril|[mM]ai|[jJ]uin|[jJ]uillet|[aA]o[uû]t|[sS]eptembre|[oO]ctobre|[nN]ovembre|[dD][ée]cembre`;
const numericDate = String.raw`(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2})`;
const writtenDate = String.raw`(?:1er|0?[1-9]|[12]\d|3[01])\s+(?:${months})\s+\d{4}`;
/** "né", "née", "NÉE", "né(e)", with a maiden name between ("née Le Goff le …"). */
const bornOn = String.raw`(?:[nN][ée]|N[ÉE])(?:e|E)?(?:s|S)?(?:\s*\([eE]\))?(?:\s+(?:[dD]['’]|(?:de|du|Le|La)\s+)?\p{Lu}[\p{L}'’-]*){0,3}\s+(?:le|LE)`;
const birthDateLeadIn = String.raw`(?<![\p{L}])(?:${bornOn}|[dD]ate\s+de\s+naissance\s*:?|DATE\s+DE\s+NAISSANCE\s*:?|DDN\s*:?)`;

/** Lead-ins of a birth date; the match covers only the date that follows. */
const birthDatePattern = new RegExp(
  String.raw`(?=[nNdD])${birthDateLeadIn}\s*(${numericDate}|${writtenDate})(?![\p{N}])`,
  'gu',
);

/** CAF / MSA / allocataire numbers; the match covers only the number. */
const benefitNumberPattern =
  /(?:a(?<![\p{L}]a)llocataire|c(?<![\p{L}]c)af|m(?<![\p{L}]m)sa)(?:\s*(?:n°|no\.?|num[ée]ro))?\s*:?\s*(\d{5,13}[A-Z]?)(?![\p{L}\p{N}])/giu;

function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield m;
}

/** The remainder of a big decimal number, digit by digit (IBANs exceed Number precision). */
function mod97(digits: string): number {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  return rest;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s/g, '');
  if (compact.length < 15 || compact.length > 34) return false;
  if (compact.startsWith('FR') && compact.length !== 27) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/** The NIR key is 97 − (the 13 digits mod 97), Corsica's 2A and 2B counting as 19 and 18. */
export function nirKey(thirteen: string): number {
  const digits = thirteen.replace(/2A/, '19').replace(/2B/, '18');
  return 97 - mod97(digits);
}

/**
 * E-mail addresses, looked for only around each "@": scanning every word of every verbatim
 * with the full pattern would be the slowest part of the detector.
 */
function findEmails(text: string, out: Candidate[]): void {
  let searchedUntil = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < searchedUntil) continue;
    const from = Math.max(searchedUntil, at - 128);
    const window = text.slice(from, at + 256);
    for (const m of matchesOf(emailPattern, window)) {
      out.push({ kind: 'email', start: from + m.index, end: from + m.index + m[0].length });
      searchedUntil = from + m.index + m[0].length;
    }
  }
}

export function findIdentifiers(text: string, out: Candidate[]): void {
  findEmails(text, out);
  for (const m of matchesOf(phonePattern, text)) {
    out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matchesOf(nirPattern, text)) {
    const [, sex, year, month, dept, commune, order, key] = m;
    const month2 = Number(month);
    // Months 01–12, or the 20–42 and 50–99 of people registered without a known month.
    if (month2 === 0 || (month2 > 12 && month2 < 20) || (month2 > 42 && month2 < 50)) continue;
    const thirteen = `${sex}${year}${month}${dept}${commune}${order}`;
    if (key !== undefined && Number(key) !== nirKey(thirteen)) continue;
    out.push({ kind: 'nir', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matchesOf(ibanPattern, text)) {
    if (!isValidIban(m[0])) continue;
    out.push({ kind: 'iban', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matchesOf(birthDatePattern, text)) {
    const date = m[1] ?? '';
    const end = m.index + m[0].length;
    out.push({ kind: 'birthDate', start: end - date.length, end });
  }
  for (const m of matchesOf(benefitNumberPattern, text)) {
    const number = m[1] ?? '';
    const end = m.index + m[0].length;
    out.push({ kind: 'benefitNumber', start: end - number.length, end });
  }
}
