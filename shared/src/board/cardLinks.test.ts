import { describe, expect, it } from 'vitest';
import {
  cardLinkLabel,
  cardLinksOf,
  cardRefListSchema,
  cardRefSchema,
  formatCardRef,
  maxCardLinks,
  parseCardRef,
  qualifiedCardRef,
  resolveCardRef,
} from './cardLinks.js';
import { hypothesisCardPropsSchema, recommendationCardPropsSchema } from './cards.js';

describe('card links', () => {
  it('reads same-board and cross-board links', () => {
    expect(parseCardRef('shape:H1')).toEqual({ boardId: null, cardId: 'shape:H1' });
    expect(parseCardRef('board-Ab_9/shape:H1')).toEqual({
      boardId: 'board-Ab_9',
      cardId: 'shape:H1',
    });
    for (const bad of ['H1', 'shape:', '/shape:H1', 'a/b/shape:H1', 'board x/shape:H1', '']) {
      expect(parseCardRef(bad), bad).toBeUndefined();
      expect(cardRefSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('writes the short form on the same board, the qualified one across boards', () => {
    expect(formatCardRef('board-a', 'board-a', 'shape:H1')).toBe('shape:H1');
    expect(formatCardRef('board-a', 'board-b', 'shape:H1')).toBe('board-b/shape:H1');
    expect(resolveCardRef('shape:H1', 'board-a')).toEqual({
      boardId: 'board-a',
      cardId: 'shape:H1',
    });
    expect(resolveCardRef('board-b/shape:H1', 'board-a')).toEqual({
      boardId: 'board-b',
      cardId: 'shape:H1',
    });
    expect(qualifiedCardRef('shape:H1', 'board-a')).toBe('board-a/shape:H1');
    expect(qualifiedCardRef('nope', 'board-a')).toBeUndefined();
  });

  it('bounds a list of links and refuses duplicates', () => {
    const list = cardRefListSchema('evidenceIds', { one: 'card', many: 'cards' });
    const many = Array.from({ length: maxCardLinks + 1 }, (_, i) => `b/shape:O${i}`);
    expect(list.safeParse(many.slice(0, maxCardLinks)).success).toBe(true);
    expect(list.safeParse(many).error?.issues[0]?.message).toBe(
      `evidenceIds: at most ${maxCardLinks} linked cards`,
    );
    expect(list.safeParse(['b/shape:O1', 'b/shape:O1']).error?.issues[0]?.message).toBe(
      'evidenceIds: each card may be linked only once',
    );
  });

  it('keeps the links of boards stored before cross-board links valid', () => {
    const recommendation = {
      w: 260,
      h: 180,
      title: 'Adapter les horaires',
      description: '',
      leadOrganisation: '',
      priority: 'haute',
      hypothesisIds: ['shape:H1', 'board-b/shape:H7'],
    };
    expect(recommendationCardPropsSchema.safeParse(recommendation).success).toBe(true);
    const hypothesis = { w: 1, h: 1, statement: '', topic: '', public: '', status: 'a_verifier' };
    expect(hypothesisCardPropsSchema.safeParse(hypothesis).success).toBe(true);
    expect(
      hypothesisCardPropsSchema.safeParse({ ...hypothesis, evidenceIds: ['b/shape:O1'] }).success,
    ).toBe(true);
    expect(
      hypothesisCardPropsSchema.safeParse({ ...hypothesis, evidenceIds: ['O1'] }).success,
    ).toBe(false);
  });

  it('finds the links a card holds, by kind', () => {
    expect(cardLinksOf('recommendation', { hypothesisIds: ['shape:H1', 3] })).toEqual(['shape:H1']);
    expect(cardLinksOf('hypothesis', { evidenceIds: ['b/shape:O1'] })).toEqual(['b/shape:O1']);
    expect(cardLinksOf('hypothesis', {})).toEqual([]);
    expect(cardLinksOf('observation', { hypothesisIds: ['shape:H1'] })).toEqual([]);
  });

  it('names a card by its main text, squeezed and shortened', () => {
    expect(cardLinkLabel('hypothesis', { statement: '  Des jeunes\n renoncent ' })).toBe(
      'Des jeunes renoncent',
    );
    expect(cardLinkLabel('observation', { verbatim: 'é'.repeat(100) })).toBe(`${'é'.repeat(80)}…`);
    expect(cardLinkLabel('theme', {})).toBe('');
  });
});
