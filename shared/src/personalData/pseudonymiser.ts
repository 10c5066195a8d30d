import type { PersonalDataKind } from '../api/imports.js';
import type { PersonalDataMatch } from './detector.js';
import { normaliseName } from './normalise.js';

/** How each kind is named in the review screen. */
export const personalDataKindLabels: Record<PersonalDataKind, { fr: string; en: string }> = {
  person: { fr: 'Personne', en: 'Person' },
  email: { fr: 'Courriel', en: 'E-mail' },
  phone: { fr: 'Téléphone', en: 'Phone number' },
  address: { fr: 'Adresse', en: 'Address' },
  birthDate: { fr: 'Date de naissance', en: 'Date of birth' },
  nir: { fr: 'N° de sécurité sociale', en: 'Social security number' },
  iban: { fr: 'IBAN', en: 'IBAN' },
  benefitNumber: { fr: 'N° d’allocataire (CAF, MSA)', en: 'Benefit claimant number (CAF, MSA)' },
};

/** What replaces a finding of each kind but people, who get a letter. */
export const personalDataPlaceholders: Record<Exclude<PersonalDataKind, 'person'>, string> = {
  email: '[courriel]',
  phone: '[téléphone]',
  address: '[adresse]',
  birthDate: '[date de naissance]',
  nir: '[n° de sécurité sociale]',
  iban: '[IBAN]',
  benefitNumber: '[n° d’allocataire]',
};

/** A, B, … Z, AA, AB, … as spreadsheet columns are named. */
export function personLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Proposes replacements, consistent within one import or one board check: the same person
 * gets the same letter ([Personne A], [Personne B]…); other kinds get their label
 * ([courriel], [téléphone], [adresse], [date de naissance]…).
 */
export class Pseudonymiser {
  readonly #letters = new Map<string, string>();

  replacementFor(match: PersonalDataMatch): string {
    if (match.kind !== 'person') return personalDataPlaceholders[match.kind];
    const key = match.personKey ?? normaliseName(match.text);
    let letter = this.#letters.get(key);
    if (letter === undefined) {
      letter = personLetter(this.#letters.size);
      this.#letters.set(key, letter);
    }
    return `[Personne ${letter}]`;
  }
}
