import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RefusedContent } from '../collab/ContentValidator.js';
import { RootTypeRule, type DeclaredRoots } from './rootTypes.js';

/**
 * The rule on a plain Y.Doc, driven as a guard drives it: a client's change is encoded on its
 * replica, applied to the server doc with tracking on, and what strays is removed in one
 * compensating transaction.
 */

const listInsert = Y.Array.prototype.insert as (
  this: unknown,
  at: number,
  items: unknown[],
) => void;
const mapSet = Y.Map.prototype.set as (this: unknown, key: string, value: unknown) => void;

let rule: RootTypeRule | undefined;
afterEach(() => {
  rule?.destroy();
  rule = undefined;
});

const declared: DeclaredRoots = { records: 'keyed', text: 'listed' };

function setup(unchecked: string[] = [], build?: (doc: Y.Doc) => void) {
  const server = new Y.Doc();
  server.getMap('records');
  server.getXmlFragment('text');
  build?.(server);
  const activeRule = new RootTypeRule(server, declared, 'des essais', new Set(unchecked));
  rule = activeRule;
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  /** Sends what `change` does on the replica; returns what was refused. */
  const send = (change: (doc: Y.Doc) => void): RefusedContent[] => {
    const before = Y.encodeStateVector(replica);
    change(replica);
    const update = Y.encodeStateAsUpdate(replica, before);
    activeRule.setTracking(true);
    Y.applyUpdate(server, update);
    activeRule.setTracking(false);
    const strays = activeRule.strays();
    server.transact(() => {
      for (const stray of strays) stray.remove();
    });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server, Y.encodeStateVector(replica)));
    return strays.map((stray) => stray.refused);
  };
  return { server, replica, send };
}

function live(doc: Y.Doc, name: string, which: 'keyed' | 'listed' | 'all' = 'all'): number {
  const type = doc.share.get(name);
  if (!type) return 0;
  let count = 0;
  if (which !== 'listed') for (const item of type._map.values()) if (!item.deleted) count++;
  if (which !== 'keyed')
    for (let item = type._start; item; item = item.right) if (!item.deleted) count++;
  return count;
}

describe('RootTypeRule', () => {
  it('accepts content of the declared shape in the declared roots', () => {
    const { server, send } = setup();
    const refused = send((d) => {
      const record = new Y.Map<unknown>();
      d.getMap('records').set('a', record);
      record.set('x', 1);
      d.getXmlFragment('text').insert(0, [new Y.XmlElement('paragraph')]);
    });
    expect(refused).toEqual([]);
    expect(server.getMap('records').has('a')).toBe(true);
    expect(server.getXmlFragment('text').length).toBe(1);
  });

  it('empties any other root, nested content included, and names it without its content', () => {
    const { server, replica, send } = setup();
    const refused = send((d) => {
      const inner = new Y.Map<unknown>();
      d.getMap('unvalidated').set('blob', inner);
      inner.set('verbatim', 'Mme Durand, 12 rue des Lilas');
      d.getText('notes').insert(0, 'ailleurs');
    });
    expect(refused.map((r) => r.id).sort()).toEqual(['root:notes', 'root:unvalidated']);
    expect(JSON.stringify(refused)).not.toContain('Durand');
    expect(refused[0]?.detail).toBe('ce document ne contient que des essais');
    for (const doc of [server, replica]) {
      expect(live(doc, 'unvalidated')).toBe(0);
      expect(live(doc, 'notes')).toBe(0);
    }
    // Yjs garbage-collects what was removed: the state keeps no trace of the content.
    expect(Buffer.from(Y.encodeStateAsUpdate(server)).includes('Durand')).toBe(false);
  });

  it('removes content of the wrong shape from a declared root, and only that', () => {
    const { server, send } = setup();
    const refused = send((d) => {
      d.getMap('records').set('kept', 1);
      listInsert.call(d.getMap('records'), 0, [{ hidden: 'invisible' }]);
      mapSet.call(d.getXmlFragment('text'), 'hidden', 'invisible');
    });
    expect(refused.map((r) => r.id).sort()).toEqual(['root:records', 'root:text']);
    expect(live(server, 'records', 'listed')).toBe(0);
    expect(live(server, 'text', 'keyed')).toBe(0);
    expect(server.getMap('records').get('kept')).toBe(1);
  });

  it('accepts removing stray content that was already stored', () => {
    const { server, send } = setup([], (doc) => doc.getMap('legacy').set('old', 'value'));
    expect(send((d) => d.getMap('legacy').delete('old'))).toEqual([]);
    expect(live(server, 'legacy')).toBe(0);
  });

  it('empties a stray root whole when an update adds to what it already held', () => {
    const { server, send } = setup([], (doc) => doc.getMap('legacy').set('old', 'value'));
    const refused = send((d) => d.getMap('legacy').set('new', 'value'));
    expect(refused.map((r) => r.id)).toEqual(['root:legacy']);
    expect(live(server, 'legacy')).toBe(0);
  });

  it('lets the unchecked roots through, never a declared one', () => {
    const { server, send } = setup(['scratch', 'records']);
    const refused = send((d) => {
      d.getMap('scratch').set('k', 'v');
      listInsert.call(d.getMap('records'), 0, ['hidden']);
    });
    expect(refused.map((r) => r.id)).toEqual(['root:records']);
    expect(server.getMap('scratch').get('k')).toBe('v');
  });

  it('judges only tracked changes (not a guard’s compensating transaction, nor loading)', () => {
    const { server } = setup();
    server.getMap('elsewhere').set('k', 'v');
    expect(rule!.strays()).toEqual([]);
  });
});
