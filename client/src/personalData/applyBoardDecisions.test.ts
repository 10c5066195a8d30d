import { describe, expect, it } from 'vitest';
import type { TLRecord } from 'tldraw';
import { createBoardStore } from '../../testing/boardPeers.js';
import { cardRecord } from '../../testing/cardRecords.js';
import { applyBoardDecisions, findingId, type BoardFinding } from './boardFindings.js';

const store = createBoardStore();
const verbatim =
  'Mme Georgette Lambert, 12 rue des Tilleuls. Tél. 06 12 34 56 78, demande une aide.';

/** A finding written by hand where `text` occurs in `source` (no detector involved). */
function at(
  source: string,
  shapeId: string,
  field: string,
  kind: BoardFinding['kind'],
  text: string,
  replacement: string,
): BoardFinding {
  const start = source.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the text`);
  return {
    id: findingId(shapeId, field, start),
    kind,
    text,
    replacement,
    before: '',
    after: '',
    where: 'Observation 1',
    shapeId: shapeId as BoardFinding['shapeId'],
    shapeType: 'observation',
    field,
    start,
    end: start + text.length,
  };
}

const card = cardRecord(store, 'observation', 'o1', { props: { verbatim } });
const person = at(verbatim, card.id, 'verbatim', 'person', 'Mme Georgette Lambert', '[Personne A]');
const address = at(verbatim, card.id, 'verbatim', 'address', '12 rue des Tilleuls', '[adresse]');
const phone = at(verbatim, card.id, 'verbatim', 'phone', '06 12 34 56 78', '[téléphone]');
const findings = [person, address, phone];

describe('applyBoardDecisions', () => {
  it('rewrites exactly the accepted and edited ranges, and keeps the rejected ones', () => {
    const result = applyBoardDecisions(
      [card],
      findings,
      { [address.id]: { action: 'reject' }, [phone.id]: { action: 'edit', replacement: '[tél.]' } },
      'accept',
    );
    expect(result.updates).toEqual([
      {
        id: card.id,
        type: 'observation',
        props: {
          verbatim: '[Personne A], 12 rue des Tilleuls. Tél. [tél.], demande une aide.',
        },
      },
    ]);
    expect(result).toMatchObject({ replaced: 2, skipped: 0 });
  });

  it('changes nothing when everything is rejected', () => {
    expect(applyBoardDecisions([card], findings, {}, 'reject')).toEqual({
      updates: [],
      replaced: 0,
      skipped: 0,
    });
  });

  it('replaces in several fields and cards, each only once', () => {
    const description = 'Contacter M. Rachid Benali au 06 98 76 54 32.';
    const recommendation = cardRecord(store, 'recommendation', 'r1', { props: { description } });
    const rFinding = (text: string, replacement: string, kind: BoardFinding['kind']) => ({
      ...at(description, recommendation.id, 'description', kind, text, replacement),
      shapeType: 'recommendation' as const,
    });
    const result = applyBoardDecisions(
      [card, recommendation],
      [
        ...findings,
        rFinding('M. Rachid Benali', '[Personne B]', 'person'),
        rFinding('06 98 76 54 32', '[téléphone]', 'phone'),
      ],
      {},
      'accept',
    );
    expect(result.replaced).toBe(5);
    expect(result.updates.map((u) => u.props)).toEqual([
      { verbatim: '[Personne A], [adresse]. Tél. [téléphone], demande une aide.' },
      { description: 'Contacter [Personne B] au [téléphone].' },
    ]);
  });

  it('skips what changed since the check: edited text, deleted card, invalid result', () => {
    // Someone inserted words before the name meanwhile: the offsets no longer hold.
    const edited = { ...card, props: { ...card.props, verbatim: `Bonjour. ${verbatim}` } };
    const stale = applyBoardDecisions([edited as TLRecord], findings, {}, 'accept');
    expect(stale).toEqual({ updates: [], replaced: 0, skipped: 3 });

    expect(applyBoardDecisions([], findings, {}, 'accept')).toMatchObject({
      updates: [],
      skipped: 3,
    });

    // A replacement that would make the verbatim longer than a card allows is not written.
    const long = { [phone.id]: { action: 'edit' as const, replacement: 'x'.repeat(200) } };
    const nearlyFull = {
      ...card,
      props: { ...card.props, verbatim: verbatim + ' '.repeat(5_000 - verbatim.length) },
    };
    expect(applyBoardDecisions([nearlyFull as TLRecord], findings, long, 'accept')).toEqual({
      updates: [],
      replaced: 0,
      skipped: 3,
    });
  });
});
