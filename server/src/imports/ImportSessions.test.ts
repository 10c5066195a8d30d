import { describe, expect, it } from 'vitest';
import { ImportSessions, type OpenImport } from './ImportSessions.js';
import type { ParsedTable } from './parse/index.js';

const table: ParsedTable = {
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  header: ['verbatim'],
  rows: [{ line: 2, cells: ['Une réponse'] }],
  unreadable: [],
};

function setup(limits = { ttlMs: 60_000, maxOpen: 3, maxOpenPerPerson: 2 }) {
  let now = 1_000_000;
  const sessions = new ImportSessions(limits, () => now);
  const open = (owner: string, workspace = 'ws1') => {
    const slot = sessions.reserve(owner, workspace);
    if (typeof slot === 'string') return slot;
    sessions.fill(slot, table, []);
    return slot;
  };
  return { sessions, open, advance: (ms: number) => (now += ms) };
}

describe('ImportSessions', () => {
  it('caps open imports per person and on the instance, reading ones included', () => {
    const { sessions, open } = setup();
    expect(typeof open('ana')).toBe('object');
    const reading = sessions.reserve('ana', 'ws1');
    expect(typeof reading).toBe('object');
    expect(sessions.reserve('ana', 'ws1')).toBe('person-full');
    expect(typeof open('bob')).toBe('object');
    expect(sessions.reserve('carl', 'ws1')).toBe('instance-full');
    sessions.drop((reading as OpenImport).id);
    expect(typeof open('carl')).toBe('object');
  });

  it('shows an import to its owner only, and not while it is being read', () => {
    const { sessions, open } = setup();
    const reading = sessions.reserve('ana', 'ws1') as OpenImport;
    expect(sessions.lookup(reading.id, 'ana')).toBeUndefined();
    const ready = open('ana') as OpenImport;
    expect(sessions.lookup(ready.id, 'ana')).toMatchObject({ kind: 'open' });
    expect(sessions.lookup(ready.id, 'bob')).toBeUndefined();
  });

  it('turns expired and committed imports into contentless tombstones, then forgets them', () => {
    const { sessions, open, advance } = setup();
    const expiring = open('ana') as OpenImport;
    advance(30_000);
    const committed = open('ana') as OpenImport;
    sessions.markCommitted(committed, 2);
    expect(sessions.size).toBe(1);
    advance(30_000);
    expect(sessions.lookup(expiring.id, 'ana')).toMatchObject({
      kind: 'tombstone',
      tombstone: { status: 'expired' },
    });
    expect(sessions.size).toBe(0);
    const tombstone = sessions.lookup(committed.id, 'ana');
    expect(tombstone).toMatchObject({ kind: 'tombstone', tombstone: { status: 'committed' } });
    expect(JSON.stringify(tombstone)).not.toContain('Une réponse');
    expect(sessions.lookup(committed.id, 'bob')).toBeUndefined();
    advance(60_000);
    expect(sessions.lookup(expiring.id, 'ana')).toBeUndefined();
    expect(sessions.lookup(committed.id, 'ana')).toBeUndefined();
  });

  it('never expires an import while it is being committed', () => {
    const { sessions, open, advance } = setup();
    const busy = open('ana') as OpenImport;
    busy.status = 'committing';
    advance(120_000);
    sessions.sweep();
    expect(sessions.lookup(busy.id, 'ana')).toMatchObject({ kind: 'open' });
  });

  it('drops every import of an erased workspace', () => {
    const { sessions, open } = setup();
    const gone = open('ana', 'ws-erased') as OpenImport;
    const kept = open('bob', 'ws-kept') as OpenImport;
    sessions.dropWorkspace('ws-erased');
    expect(sessions.lookup(gone.id, 'ana')).toBeUndefined();
    expect(sessions.lookup(kept.id, 'bob')).toMatchObject({ kind: 'open' });
  });
});
