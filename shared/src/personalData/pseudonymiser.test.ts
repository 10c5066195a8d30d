import { describe, expect, it } from 'vitest';
import {
  applyReplacements,
  findPersonalData,
  personalDataKindLabels,
  personLetter,
  Pseudonymiser,
} from './index.js';
import { personalDataKinds } from '../api/imports.js';

/** Every finding of `texts` replaced by one pseudonymiser, as one import does. */
function pseudonymise(texts: string[], pseudonymiser = new Pseudonymiser()): string[] {
  return texts.map((text) =>
    applyReplacements(
      text,
      findPersonalData(text).map((m) => ({
        start: m.start,
        end: m.end,
        replacement: pseudonymiser.replacementFor(m),
      })),
    ),
  );
}

describe('Pseudonymiser', () => {
  it('gives one person the same letter across texts, titles and first-name forms', () => {
    expect(
      pseudonymise([
        'Mme Durand a appelé.',
        'Madame Durand est passée, puis M. Rachid Benali.',
        'Rachid Benali revient mardi ; Mme DURAND aussi.',
      ]),
    ).toEqual([
      'Mme [Personne A] a appelé.',
      'Madame [Personne A] est passée, puis M. [Personne B].',
      '[Personne B] revient mardi ; Mme [Personne A] aussi.',
    ]);
  });

  it('knows a surname written first in capitals, or met again alone', () => {
    expect(
      pseudonymise([
        'M. DUPONT Jean-Pierre, 58 ans.',
        'Jean-Pierre Dupont a rappelé. Dupont attend une réponse.',
      ]),
    ).toEqual([
      'M. [Personne A], 58 ans.',
      '[Personne A] a rappelé. [Personne A] attend une réponse.',
    ]);
  });

  it('gives a maiden or married name the letter of the name before it', () => {
    expect(pseudonymise(['Mme Durand née Martin ; Mme Roux, épouse Benali.'])).toEqual([
      'Mme [Personne A] née [Personne A] ; Mme [Personne B], épouse [Personne B].',
    ]);
  });

  it('takes a first name alone for the person named in full in the same text', () => {
    expect(
      pseudonymise([
        'Kevin Dubreuil est venu. Kevin cherche un CDD.',
        'Kevin Dubreuil et Kevin Martin : Kevin a appelé.',
      ]),
    ).toEqual([
      '[Personne A] est venu. [Personne A] cherche un CDD.',
      '[Personne A] et [Personne B] : [Personne C] a appelé.',
    ]);
  });

  it('gives different people different letters', () => {
    const [text] = pseudonymise(['Jean Dupont, Marie Martin et Kevin sont venus avec Mme Petit.']);
    expect(text).toBe(
      '[Personne A], [Personne B] et [Personne C] sont venus avec Mme [Personne D].',
    );
  });

  it('starts again at A for each import', () => {
    expect(pseudonymise(['Mme Petit'])).toEqual(['Mme [Personne A]']);
    expect(pseudonymise(['Jean Dupont'])).toEqual(['[Personne A]']);
  });

  it('names letters like spreadsheet columns after Z', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(personLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    const pseudonymiser = new Pseudonymiser();
    const letters = Array.from({ length: 28 }, (_, i) =>
      pseudonymiser.replacementFor({
        kind: 'person',
        start: 0,
        end: 1,
        text: `x${i}`,
        personKey: `person ${i}`,
      }),
    );
    expect(letters.slice(24)).toEqual([
      '[Personne Y]',
      '[Personne Z]',
      '[Personne AA]',
      '[Personne AB]',
    ]);
  });

  it('replaces every other kind by its label, keeping the words around it', () => {
    const [text] = pseudonymise([
      'Mme Georgette Lambert, 12 rue des Tilleuls, née le 3 mars 1951, tél. 06 12 34 56 78, ' +
        'g.lambert@wanadoo.fr, NIR 1 84 12 76 451 089 46, IBAN FR76 3000 6000 0112 3456 7890 189, ' +
        'n° allocataire 1234567.',
    ]);
    expect(text).toBe(
      'Mme [Personne A], [adresse], née le [date de naissance], tél. [téléphone], [courriel], ' +
        'NIR [n° de sécurité sociale], IBAN [IBAN], n° allocataire [n° d’allocataire].',
    );
  });

  it('labels every kind in French and English', () => {
    for (const kind of personalDataKinds) {
      expect(personalDataKindLabels[kind].fr).not.toBe('');
      expect(personalDataKindLabels[kind].en).not.toBe('');
    }
    expect(personalDataKindLabels.person).toEqual({ fr: 'Personne', en: 'Person' });
    expect(personalDataKindLabels.email).toEqual({ fr: 'Courriel', en: 'E-mail' });
  });
});

describe('applyReplacements', () => {
  it('replaces ranges given in any order and keeps the rest', () => {
    expect(
      applyReplacements('abcdefgh', [
        { start: 6, end: 8, replacement: 'Z' },
        { start: 0, end: 1, replacement: 'XY' },
        { start: 3, end: 3, replacement: '-' },
      ]),
    ).toBe('XYbc-defZ');
    expect(applyReplacements('rien', [])).toBe('rien');
  });
});
