import { describe, expect, it } from 'vitest';
import { DEFAULT_INFORMATION_NOTICE, instanceKinds, workspaceRoles } from '@boussole/shared';
import { ApiRequestError } from '../../api/api.js';
import {
  communesText,
  en,
  fr,
  noticeParagraphs,
  refusalText,
  roleSentence,
} from './invitationMessages.js';

describe('the invitation page’s text', () => {
  it('says which instance and role a link gives, and what the role allows', () => {
    expect(roleSentence('fr', 'contributeur', 'collectif_projet')).toBe(
      'Vous rejoignez le collectif projet en tant que contributeur·rice : vous pourrez écrire sur les tableaux et commenter le rapport.',
    );
    expect(roleSentence('fr', 'lecteur', null)).toBe(
      'Vous rejoignez cette démarche en tant que lecteur·rice : vous pourrez consulter les tableaux et le rapport, sans les modifier.',
    );
    // The drafting committee's contributors write the report (canWriteDocument).
    expect(roleSentence('fr', 'contributeur', 'comite_redaction')).toContain('rédiger le rapport');
    expect(roleSentence('en', 'relecteur', 'comite_relecture')).toBe(
      'You are joining the review committee as a reviewer: you will be able to view the boards, read the report and comment on it.',
    );
    for (const role of workspaceRoles) {
      for (const instance of [...instanceKinds, null]) {
        for (const language of ['fr', 'en'] as const) {
          expect(roleSentence(language, role, instance)).not.toMatch(/[{}]|undefined/);
        }
      }
    }
  });

  it('names a few communes and counts the others', () => {
    expect(communesText([], 'fr')).toBe('');
    expect(communesText(['Rochebrune'], 'fr')).toBe('Rochebrune');
    expect(communesText(['Rochebrune', 'Saint-Aubin'], 'fr')).toBe('Rochebrune et Saint-Aubin');
    expect(communesText(['A', 'B', 'C', 'D'], 'en')).toBe('A, B, C and D');
    expect(communesText(['A', 'B', 'C', 'D', 'E'], 'fr')).toBe('A, B, C, D et une autre commune');
    expect(communesText(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'fr')).toBe(
      'A, B, C, D et 3 autres communes',
    );
  });

  it('splits the notice into paragraphs on blank lines only', () => {
    expect(noticeParagraphs(DEFAULT_INFORMATION_NOTICE)).toHaveLength(5);
    expect(noticeParagraphs('Un.\nDeux.\n  \n\n Trois. \n')).toEqual(['Un.\nDeux.', 'Trois.']);
    expect(noticeParagraphs('   ')).toEqual([]);
  });

  it('says why a link was refused: the server’s French, or ours by status in English', () => {
    const expired = new ApiRequestError(410, 'Ce lien d’invitation a expiré.');
    expect(refusalText(expired, 'fr')).toBe('Ce lien d’invitation a expiré.');
    expect(refusalText(expired, 'en')).toBe(en['refused.gone']);
    expect(refusalText(new ApiRequestError(404, 'HTTP 404'), 'fr')).toBe(fr['refused.unknown']);
    expect(refusalText(new ApiRequestError(429, 'HTTP 429'), 'en')).toBe(en['refused.tooMany']);
  });
});
