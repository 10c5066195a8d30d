import { describe, expect, it } from 'vitest';
import {
  T,
  createShapeId,
  type IndexKey,
  type SerializedSchemaV2,
  type TLRecord,
  type TLShape,
} from 'tldraw';
import { cardKinds, cardPropsSchemas, type CardKind } from '@boussole/shared';
import { createBoardStore, putDefaultDocument } from '../../../testing/boardPeers.js';
import { cardRecord, sampleProps } from '../../../testing/cardRecords.js';
import { boussoleShapeUtils } from './index.js';
import { observationsInTheme } from './themeMembership.js';

const utilOf = (kind: CardKind) => {
  const util = boussoleShapeUtils.find((u) => u.type === kind);
  if (!util) throw new Error(`no shape util for ${kind}`);
  return util;
};

/** Values a person or a buggy client could put in a card, each wrong in its own way. */
const badSamples: Record<CardKind, Record<string, unknown>[]> = {
  observation: [
    { ...sampleProps.observation, source: 'rumeur' },
    { ...sampleProps.observation, date: '2026-13-01' },
    { ...sampleProps.observation, verbatim: null },
    { ...sampleProps.observation, couleur: 'rouge' },
  ],
  hypothesis: [
    { ...sampleProps.hypothesis, status: 'Confirmée' },
    { ...sampleProps.hypothesis, statement: 'x'.repeat(1_001) },
  ],
  indicator: [
    { ...sampleProps.indicator, value: '12,8' },
    { ...sampleProps.indicator, year: 1850 },
    { ...sampleProps.indicator, value: Number.NaN },
  ],
  theme: [{ ...sampleProps.theme, w: -1 }, { label: 'Sans taille' }],
  recommendation: [
    { ...sampleProps.recommendation, priority: 'urgente' },
    { ...sampleProps.recommendation, hypothesisIds: ['H1'] },
    { ...sampleProps.recommendation, hypothesisIds: 'shape:H1' },
  ],
};

const goodSamples: Record<CardKind, Record<string, unknown>[]> = {
  observation: [sampleProps.observation, { ...sampleProps.observation, date: '', verbatim: '' }],
  hypothesis: [sampleProps.hypothesis, { ...sampleProps.hypothesis, status: 'nuancee' }],
  indicator: [sampleProps.indicator, { ...sampleProps.indicator, value: null, year: null }],
  theme: [sampleProps.theme, { ...sampleProps.theme, label: '' }],
  recommendation: [
    sampleProps.recommendation,
    { ...sampleProps.recommendation, hypothesisIds: [] },
  ],
};

describe('card shape props follow the shared zod schemas', () => {
  it.each(cardKinds)('%s: tldraw and zod accept and reject the same samples', (kind) => {
    const tldrawProps = T.object(utilOf(kind).props as Record<string, T.Validatable<unknown>>);
    for (const sample of [...goodSamples[kind], ...badSamples[kind]]) {
      const zodAccepts = cardPropsSchemas[kind].safeParse(sample).success;
      expect(tldrawProps.isValid(sample), JSON.stringify(sample)).toBe(zodAccepts);
    }
    expect(goodSamples[kind].every((s) => tldrawProps.isValid(s))).toBe(true);
    expect(badSamples[kind].some((s) => tldrawProps.isValid(s))).toBe(false);
  });

  it('the store validates cards: a good card goes in, a bad one is refused naming the field', () => {
    const store = createBoardStore();
    putDefaultDocument(store);
    for (const kind of cardKinds) store.put([cardRecord(store, kind, kind)]);
    expect(store.allRecords().filter((r) => r.typeName === 'shape')).toHaveLength(cardKinds.length);

    const card = store.get(createShapeId('hypothesis')) as TLShape<'hypothesis'>;
    const broken = {
      ...card,
      props: { ...card.props, status: 'peut-être' },
    } as unknown as TLRecord;
    expect(() => store.put([broken])).toThrow(/props\.status: status: expected one of a_verifier/);
    expect((store.get(card.id) as TLShape<'hypothesis'>).props.status).toBe('a_verifier');
  });

  it('an unchanged array prop keeps its identity, so re-putting a card is not an edit', () => {
    const store = createBoardStore();
    putDefaultDocument(store);
    const card = cardRecord(store, 'recommendation', 'p1');
    store.put([card]);
    const stored = store.get(card.id);
    let changes = 0;
    const stop = store.listen(() => changes++, { scope: 'document' });
    store.put([
      { ...card, props: { ...card.props, hypothesisIds: [...card.props.hypothesisIds] } },
    ]);
    stop();
    expect(changes).toBe(0);
    expect(store.get(card.id)).toBe(stored);
  });
});

describe('card shape migrations', () => {
  /** The field each card gained at version 1, with the default a version-0 card receives. */
  const addedAtV1: Record<CardKind, [string, unknown]> = {
    observation: ['date', ''],
    hypothesis: ['status', 'a_verifier'],
    indicator: ['year', null],
    theme: ['label', ''],
    recommendation: ['hypothesisIds', []],
  };
  /** Fields added after version 1, with their defaults: a version-0 card gains them too. */
  const addedLater: Partial<Record<CardKind, Record<string, unknown>>> = {
    hypothesis: { evidenceIds: [] },
  };

  it.each(cardKinds)(
    '%s: a version-0 card without its newer field migrates up, and back down',
    (kind) => {
      const store = createBoardStore();
      const current = store.schema.serialize();
      const sequence = `com.tldraw.shape.${kind}`;
      expect(current.sequences[sequence]).toBe(1 + Object.keys(addedLater[kind] ?? {}).length);
      const v0: SerializedSchemaV2 = {
        ...current,
        sequences: { ...current.sequences, [sequence]: 0 },
      };

      const [field, defaultValue] = addedAtV1[kind];
      const { [field]: _dropped, ...v0Props } = sampleProps[kind] as Record<string, unknown>;
      const v0Card = { ...cardRecord(store, kind, 'old'), props: v0Props } as unknown as TLRecord;

      const migrated = store.schema.migrateStoreSnapshot({
        store: { [v0Card.id]: v0Card },
        schema: v0,
      });
      if (migrated.type !== 'success') throw new Error(`migration failed: ${migrated.reason}`);
      const upgraded = Object.values(migrated.value)[0] as TLShape<CardKind>;
      expect(upgraded.props).toEqual({
        ...v0Props,
        [field]: defaultValue,
        ...addedLater[kind],
      });
      expect(cardPropsSchemas[kind].safeParse(upgraded.props).success).toBe(true);
      store.put([upgraded]);

      const down = store.schema.migratePersistedRecord(upgraded, v0, 'down');
      if (down.type !== 'success') throw new Error(`down migration failed: ${down.reason}`);
      expect((down.value as TLShape<CardKind>).props).toEqual(v0Props);
    },
  );
});

describe('observationsInTheme', () => {
  it('counts the observations inside a theme, through groups but not nested themes', () => {
    const store = createBoardStore();
    putDefaultDocument(store);
    const theme = cardRecord(store, 'theme', 'mobilite');
    const nested = cardRecord(store, 'theme', 'permis', {
      parentId: theme.id,
      index: 'a5' as IndexKey,
    });
    const group = store.schema.types.shape.create({
      id: createShapeId('groupe'),
      type: 'group',
      parentId: theme.id,
      index: 'a4' as IndexKey,
      props: {},
    }) as TLShape<'group'>;
    const inTheme = (name: string, index: string, parentId = theme.id) =>
      cardRecord(store, 'observation', name, { parentId, index: index as IndexKey });
    const records = [
      theme,
      nested,
      group,
      inTheme('o2', 'a3'),
      inTheme('o1', 'a2'),
      inTheme('o-groupe', 'a1', group.id),
      inTheme('o-permis', 'a1', nested.id),
      cardRecord(store, 'observation', 'o-page'),
      cardRecord(store, 'hypothesis', 'h', { parentId: theme.id, index: 'a6' as IndexKey }),
    ];
    store.put(records);

    const ids = (themeId: typeof theme.id) =>
      observationsInTheme(store.allRecords(), themeId).map((s) => s.id);
    expect(ids(theme.id)).toEqual(['shape:o1', 'shape:o2', 'shape:o-groupe']);
    expect(ids(nested.id)).toEqual(['shape:o-permis']);
    expect(ids(createShapeId('absent'))).toEqual([]);
  });
});

describe('indicator units', () => {
  it('shows a count without the word "nombre", and every other unit as written', async () => {
    const { displayedUnit } = await import('./IndicatorShapeUtil.js');
    expect(displayedUnit('nombre')).toBe('');
    expect(displayedUnit(' Nombre ')).toBe('');
    expect(displayedUnit('%')).toBe('%');
    expect(displayedUnit('habitants')).toBe('habitants');
  });
});
