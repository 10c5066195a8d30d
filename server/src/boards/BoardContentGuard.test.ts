import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardDocLayout,
  createBoardSchema,
  createYRecord,
  readBoardRecords,
} from '@boussole/shared';
import { arrowEndProps } from '../../../shared/testing/fixtures.js';
import type { ContentGuard, RefusedContent } from '../collab/ContentValidator.js';
import { createBoardContentValidator } from './BoardContentGuard.js';

/**
 * The guard on a plain Y.Doc, as the room drives it: each "client update" is made on a separate
 * doc, encoded, and applied to the server doc inside `applyChecked`.
 */

const ourSchema = createBoardSchema().serialize();
const pageId = 'page:page';

function observation(id: string, props: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'observation',
    x: 10,
    y: 20,
    rotation: 0,
    index: 'a1',
    parentId: pageId,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: 240,
      h: 160,
      verbatim: 'Pas de car à 6 h.',
      source: 'entretien',
      public: 'jeunes 16-25 ans',
      commune: 'Rochebrune',
      date: '2026-04-02',
      ...props,
    },
  };
}

const baseRecords = [
  { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
  { id: pageId, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
];

let guard: ContentGuard | undefined;
afterEach(() => {
  guard?.destroy();
  guard = undefined;
});

/** A server doc holding a valid board (the stored state), its guard, and a client replica. */
function setup(options: { schema?: unknown; records?: Record<string, unknown>[] } = {}) {
  const server = new Y.Doc();
  const records = server.getMap(boardDocLayout.records);
  server.transact(() => {
    for (const record of options.records ?? [...baseRecords, observation('shape:o1')])
      records.set(record.id as string, createYRecord(record));
    server.getMap(boardDocLayout.meta).set(boardDocLayout.schemaKey, options.schema ?? ourSchema);
  });
  guard = createBoardContentValidator().guard(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const activeGuard = guard;

  /** Makes `edit` on the client, sends it to the server through the guard. */
  const send = (edit: (records: Y.Map<unknown>, meta: Y.Map<unknown>) => void) => {
    const before = Y.encodeStateVector(client);
    client.transact(() =>
      edit(client.getMap(boardDocLayout.records), client.getMap(boardDocLayout.meta)),
    );
    const update = Y.encodeStateAsUpdate(client, before);
    const refused = activeGuard.applyChecked(() => Y.applyUpdate(server, update));
    // The client receives what the server now holds, as it would by the room's echo.
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return refused;
  };
  const recordsOf = (doc: Y.Doc) => readBoardRecords(doc);
  return { server, client, send, recordsOf, guard: activeGuard };
}

const ids = (refused: RefusedContent[]) => refused.map((r) => r.id);

describe('BoardContentGuard', () => {
  it('accepts valid new records, edits and removals, and changes nothing', () => {
    const { server, send, recordsOf } = setup();
    expect(
      send((records) => records.set('shape:o2', createYRecord(observation('shape:o2')))),
    ).toEqual([]);
    expect(
      send((records) =>
        (records.get('shape:o1') as Y.Map<Y.Map<unknown>>).get('props')?.set('source', 'atelier'),
      ),
    ).toEqual([]);
    expect(send((records) => records.delete('shape:o2'))).toEqual([]);
    expect(recordsOf(server)['shape:o1']).toMatchObject({ props: { source: 'atelier' } });
    expect(recordsOf(server)['shape:o2']).toBeUndefined();
  });

  it('removes a new record with bad props, a missing field or an unknown shape type', () => {
    const { server, client, send, recordsOf, guard: g } = setup();
    const { verbatim: _missing, ...withoutVerbatim } = observation('shape:o4').props as Record<
      string,
      unknown
    >;
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['shape:o2', observation('shape:o2', { source: 'blog' }), /props\.source/],
      ['shape:o4', { ...observation('shape:o4'), props: withoutVerbatim }, /props\.verbatim/],
      ['shape:o3', { ...observation('shape:o3'), type: 'sticker' }, /type/],
      ['shape:o5', { ...observation('shape:o5'), x: 'left' }, /\bx\b/],
    ];
    for (const [id, record, where] of cases) {
      const refused = send((records) => records.set(id, createYRecord(record)));
      expect(ids(refused)).toEqual([id]);
      expect(refused[0]?.path ?? '').toMatch(where);
      expect(g.describeRefusal(refused)).toMatch(/^Carte refusée : shape:o\d/);
      expect(recordsOf(server)[id]).toBeUndefined();
      expect(recordsOf(client)[id]).toBeUndefined();
    }
    expect(Object.keys(recordsOf(server)).sort()).toEqual([
      'document:document',
      pageId,
      'shape:o1',
    ]);
  });

  it('puts an invalid edit of an existing card back, keeping the valid fields of the same update', () => {
    const { server, client, send, recordsOf } = setup();
    const refused = send((records) => {
      const card = records.get('shape:o1') as Y.Map<unknown>;
      card.set('x', 400);
      (card.get('props') as Y.Map<unknown>).set('source', 'blog');
      records.set('shape:o2', createYRecord(observation('shape:o2')));
    });
    expect(ids(refused)).toEqual(['shape:o1']);
    // The whole record is judged, and put back whole: the position came with the bad source.
    expect(recordsOf(server)['shape:o1']).toEqual(observation('shape:o1'));
    expect(recordsOf(server)['shape:o2']).toEqual(observation('shape:o2'));
    expect(recordsOf(client)).toEqual(recordsOf(server));
  });

  it('refuses what does not follow the board layout, and what is no document record', () => {
    const { server, send, recordsOf } = setup();
    const brokenLayouts: [string, (records: Y.Map<unknown>) => void][] = [
      ['shape:o1', (records) => (records.get('shape:o1') as Y.Map<unknown>).set('x', Number.NaN)],
      ['shape:o1', (records) => (records.get('shape:o1') as Y.Map<unknown>).set('props', 'rien')],
      [
        'shape:o1',
        (records) => {
          const text = new Y.Text('Pas de car');
          ((records.get('shape:o1') as Y.Map<unknown>).get('props') as Y.Map<unknown>).set(
            'verbatim',
            text,
          );
        },
      ],
      [
        'shape:o1',
        (records) => (records.get('shape:o1') as Y.Map<unknown>).set('x', new Uint8Array([1])),
      ],
      ['shape:bin', (records) => records.set('shape:bin', 'not a map')],
      [
        'shape:other',
        (records) => records.set('shape:other', createYRecord(observation('shape:o9'))),
      ],
      [
        'instance:instance',
        (records) =>
          records.set(
            'instance:instance',
            createYRecord({ id: 'instance:instance', typeName: 'instance', currentPageId: pageId }),
          ),
      ],
      ['x:1', (records) => records.set('x:1', createYRecord({ id: 'x:1', typeName: 'sticker' }))],
    ];
    for (const [id, edit] of brokenLayouts) {
      expect(ids(send(edit)), id).toEqual([id]);
      expect(recordsOf(server)['shape:o1']).toEqual(observation('shape:o1'));
    }
    expect(Object.keys(recordsOf(server)).sort()).toEqual([
      'document:document',
      pageId,
      'shape:o1',
    ]);
  });

  it('lets a client declare this schema and a known template, and nothing else', () => {
    const { server, send } = setup();
    const meta = () => server.getMap(boardDocLayout.meta).toJSON();
    const older = {
      ...ourSchema,
      sequences: { ...ourSchema.sequences, 'com.tldraw.shape.observation': 0 },
    };
    expect(ids(send((_r, m) => m.set(boardDocLayout.schemaKey, older)))).toEqual(['meta:schema']);
    expect(ids(send((_r, m) => m.set('owner', 'moi')))).toEqual(['meta:owner']);
    // The template a board already holds is its other setting, a template id.
    expect(send((_r, m) => m.set(boardDocLayout.templateAppliedKey, 'affinity-map'))).toEqual([]);
    expect(ids(send((_r, m) => m.set(boardDocLayout.templateAppliedKey, 'collage')))).toEqual([
      'meta:templateApplied',
    ]);
    expect(ids(send((_r, m) => m.delete(boardDocLayout.templateAppliedKey)))).toEqual([
      'meta:templateApplied',
    ]);
    expect(meta()).toEqual({
      [boardDocLayout.schemaKey]: ourSchema,
      [boardDocLayout.templateAppliedKey]: 'affinity-map',
    });
    expect(send((_r, m) => m.set(boardDocLayout.schemaKey, structuredClone(ourSchema)))).toEqual(
      [],
    );
  });

  it('judges records of a board still declaring an older schema after migrating them', () => {
    const older = {
      ...ourSchema,
      sequences: { ...ourSchema.sequences, 'com.tldraw.shape.observation': 0 },
    };
    const { date: _notYet, ...v0Props } = observation('shape:o1').props as Record<string, unknown>;
    const v0 = (id: string, props: Record<string, unknown> = {}) => ({
      ...observation(id),
      props: { ...v0Props, ...props },
    });
    const { server, send, recordsOf } = setup({
      schema: older,
      records: [...baseRecords, v0('shape:o1')],
    });
    // Version 0 had no date: a stale tab writing version-0 cards is not refused for that.
    expect(send((records) => records.set('shape:o2', createYRecord(v0('shape:o2'))))).toEqual([]);
    expect(
      ids(
        send((records) =>
          records.set('shape:o3', createYRecord(v0('shape:o3', { source: 'blog' }))),
        ),
      ),
    ).toEqual(['shape:o3']);
    // The first current client migrates every record and declares our schema in one update.
    expect(
      send((records, meta) => {
        for (const id of ['shape:o1', 'shape:o2'])
          ((records.get(id) as Y.Map<unknown>).get('props') as Y.Map<unknown>).set('date', '');
        meta.set(boardDocLayout.schemaKey, ourSchema);
      }),
    ).toEqual([]);
    expect(recordsOf(server)['shape:o2']).toMatchObject({ props: { date: '' } });
    // From then on, a version-0 card is just a card without its date.
    expect(ids(send((records) => records.set('shape:o4', createYRecord(v0('shape:o4')))))).toEqual([
      'shape:o4',
    ]);
  });
});

describe('BoardContentGuard: the shape tree', () => {
  const card = (id: string, parentId = pageId, index = 'a1') => ({
    ...observation(id),
    parentId,
    index,
  });
  const theme = (id: string, parentId = pageId) => ({
    ...observation(id),
    type: 'theme',
    parentId,
    props: { w: 560, h: 400, label: 'Se déplacer sans voiture' },
  });
  const binding = (id: string, fromId: string, toId: string) =>
    createBoardSchema().types.binding.create({
      id: id as `binding:${string}`,
      type: 'arrow',
      fromId: fromId as `shape:${string}`,
      toId: toId as `shape:${string}`,
      props: arrowEndProps,
    } as never);
  const setParent = (id: string, parentId: string) => (records: Y.Map<unknown>) =>
    (records.get(id) as Y.Map<unknown>).set('parentId', parentId);
  const parentOf = (doc: Y.Doc, id: string) => readBoardRecords(doc)[id]?.parentId;

  function board(...extra: Record<string, unknown>[]) {
    return setup({ records: [...baseRecords, ...extra] });
  }

  it('refuses self, pair and longer cycles, including one closed by a later update', () => {
    const {
      server,
      client,
      send,
      guard: g,
    } = board(card('shape:a'), card('shape:b', 'shape:a'), card('shape:c', 'shape:b'));
    const self = send((records) =>
      records.set('shape:self', createYRecord(card('shape:self', 'shape:self'))),
    );
    expect(self).toEqual([
      { id: 'shape:self', path: 'parentId', detail: expect.stringMatching(/cycle/) },
    ]);
    expect(g.describeRefusal(self)).toMatch(
      /^Carte refusée : shape:self \(parentId\) : cycle de parents/,
    );
    expect(readBoardRecords(server)['shape:self']).toBeUndefined();

    expect(ids(send(setParent('shape:a', 'shape:a')))).toEqual(['shape:a']);
    expect(ids(send(setParent('shape:a', 'shape:b')))).toEqual(['shape:a']);
    expect(ids(send(setParent('shape:a', 'shape:c')))).toEqual(['shape:a']);
    // Two new shapes pointing at each other: both go.
    expect(
      ids(
        send((records) => {
          records.set('shape:p', createYRecord(card('shape:p', 'shape:q')));
          records.set('shape:q', createYRecord(card('shape:q', 'shape:p')));
        }),
      ).sort(),
    ).toEqual(['shape:p', 'shape:q']);
    // A chain built by one update, closed by the next.
    expect(
      send((records) => {
        records.set('shape:x', createYRecord(card('shape:x')));
        records.set('shape:y', createYRecord(card('shape:y', 'shape:x')));
        records.set('shape:z', createYRecord(card('shape:z', 'shape:y')));
      }),
    ).toEqual([]);
    expect(ids(send(setParent('shape:x', 'shape:z')))).toEqual(['shape:x']);

    for (const doc of [server, client]) {
      expect(parentOf(doc, 'shape:a')).toBe(pageId);
      expect(parentOf(doc, 'shape:x')).toBe(pageId);
      expect(readBoardRecords(doc)['shape:p']).toBeUndefined();
    }
  });

  it('refuses a dangling parent and a dangling binding, and what hangs from a refused shape', () => {
    const { server, send, guard: g } = board(card('shape:a'), card('shape:b'));
    expect(
      send((records) => records.set('shape:n', createYRecord(card('shape:n', 'shape:nowhere')))),
    ).toEqual([{ id: 'shape:n', path: 'parentId', detail: expect.stringMatching(/introuvable/) }]);
    expect(
      ids(send((records) => records.set('shape:m', createYRecord(card('shape:m', 'page:other'))))),
    ).toEqual(['shape:m']);
    expect(ids(send(setParent('shape:b', 'shape:gone')))).toEqual(['shape:b']);

    const dangling = send((records) =>
      records.set('binding:x', createYRecord(binding('binding:x', 'shape:a', 'shape:gone'))),
    );
    expect(dangling).toEqual([{ id: 'binding:x', path: 'toId', detail: expect.any(String) }]);
    expect(g.describeRefusal(dangling)).toMatch(/liaison vers une forme introuvable/);
    expect(
      send((records) =>
        records.set('binding:ok', createYRecord(binding('binding:ok', 'shape:a', 'shape:b'))),
      ),
    ).toEqual([]);

    // A theme refused for its props takes down the card put into it and the binding to it.
    const refused = send((records) => {
      records.set('shape:t', createYRecord({ ...theme('shape:t'), props: { w: -1 } }));
      records.set('shape:in', createYRecord(card('shape:in', 'shape:t')));
      records.set('binding:t', createYRecord(binding('binding:t', 'shape:a', 'shape:t')));
    });
    expect(ids(refused).sort()).toEqual(['binding:t', 'shape:in', 'shape:t']);
    expect(Object.keys(readBoardRecords(server)).sort()).toEqual(
      ['binding:ok', 'document:document', pageId, 'shape:a', 'shape:b'].sort(),
    );
  });

  it('refuses a malformed index', () => {
    const { send } = board(card('shape:a'));
    for (const index of ['a1!', 'aé', 'c1', 'a10'])
      expect(
        send((records) => (records.get('shape:a') as Y.Map<unknown>).set('index', index)),
      ).toEqual([{ id: 'shape:a', path: 'index', detail: expect.any(String) }]);
  });

  it('lets honest edits through: into a theme, out of it, a theme removed with its cards', () => {
    const { server, send } = board(theme('shape:t'), card('shape:a'), card('shape:b'));
    expect(
      send((records) => {
        setParent('shape:a', 'shape:t')(records);
        setParent('shape:b', 'shape:t')(records);
        records.set('binding:ab', createYRecord(binding('binding:ab', 'shape:a', 'shape:b')));
      }),
    ).toEqual([]);
    expect(send(setParent('shape:b', pageId))).toEqual([]);
    expect(send(setParent('shape:b', 'shape:t'))).toEqual([]);
    // What tldraw sends when someone deletes the theme: its cards and their bindings with it.
    expect(
      send((records) => {
        for (const id of ['binding:ab', 'shape:a', 'shape:b', 'shape:t']) records.delete(id);
      }),
    ).toEqual([]);
    expect(Object.keys(readBoardRecords(server)).sort()).toEqual(['document:document', pageId]);
  });

  it('keeps a theme, a page or a card that something left by the update still depends on', () => {
    const {
      server,
      client,
      send,
      guard: g,
    } = board(
      theme('shape:t'),
      card('shape:a', 'shape:t'),
      card('shape:b', 'shape:t'),
      card('shape:c'),
    );
    const removeTheme = send((records) => {
      records.delete('shape:t');
      records.delete('shape:a');
    });
    expect(removeTheme).toEqual([{ id: 'shape:t', detail: expect.stringMatching(/shape:b/) }]);
    expect(g.describeRefusal(removeTheme)).toMatch(
      /^Carte refusée : shape:t : suppression refusée/,
    );
    for (const doc of [server, client]) {
      expect(readBoardRecords(doc)['shape:t']).toEqual(theme('shape:t'));
      expect(readBoardRecords(doc)['shape:a']).toBeUndefined();
    }
    expect(ids(send((records) => records.delete(pageId)))).toEqual([pageId]);
    // A card moved into a card the same update removes: the move goes back, the removal stays.
    expect(
      ids(
        send((records) => {
          setParent('shape:c', 'shape:b')(records);
          records.delete('shape:b');
        }),
      ),
    ).toEqual(['shape:c']);
    expect(parentOf(server, 'shape:c')).toBe(pageId);
    expect(readBoardRecords(server)['shape:b']).toBeUndefined();
    expect(
      send((records) =>
        records.set('binding:c', createYRecord(binding('binding:c', 'shape:t', 'shape:c'))),
      ),
    ).toEqual([]);
    expect(ids(send((records) => records.delete('shape:c')))).toEqual(['shape:c']);
    expect(
      send((records) => {
        records.delete('binding:c');
        records.delete('shape:c');
      }),
    ).toEqual([]);
  });

  it('does not blame an update for a cycle a board already held, and lets it be undone', () => {
    // Stored before the tree rules existed.
    const { server, send } = board(
      card('shape:a', 'shape:b'),
      card('shape:b', 'shape:a'),
      card('shape:c'),
    );
    expect(send((records) => (records.get('shape:c') as Y.Map<unknown>).set('x', 99))).toEqual([]);
    expect(send(setParent('shape:a', pageId))).toEqual([]);
    expect(parentOf(server, 'shape:b')).toBe('shape:a');
  });
});
