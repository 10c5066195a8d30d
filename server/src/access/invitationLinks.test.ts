import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceFields } from '../../../shared/testing/fixtures.js';
import { SqliteDocStore } from '../storage/sqliteStore.js';
import { AuditLog } from './auditLog.js';
import { FailureLimiter } from './FailureLimiter.js';
import { InvitationLinks } from './invitationLinks.js';
import { Invitations } from './invitations.js';
import { Workspaces } from './workspaces.js';

describe('InvitationLinks', () => {
  let store: SqliteDocStore;
  let audit: AuditLog;
  let links: InvitationLinks;
  let revoked: string[];
  let workspaceId: string;
  const actor = { id: 'someone', name: 'Agathe' };
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const newLink = { role: 'contributeur' as const, instance: null, expiresAt: future, maxUses: 1 };

  beforeEach(async () => {
    store = new SqliteDocStore({ file: ':memory:', synchronous: 'normal' });
    await store.migrate();
    audit = new AuditLog();
    revoked = [];
    links = new InvitationLinks(
      store.sql,
      new Invitations(store.sql),
      audit,
      { linkRevoked: (linkId) => revoked.push(linkId) },
      // Small limits, so that a few failures reach them.
      {
        unknownPerAddress: new FailureLimiter(3, 60_000),
        refusedPerLink: new FailureLimiter(2, 60_000),
      },
    );
    workspaceId = (await new Workspaces(store.sql).create(workspaceFields('ABS'))).id;
  });

  afterEach(() => store.close());

  // Sorted: entries written within one millisecond have no order between them.
  const actions = async () =>
    (await audit.list(store.sql, workspaceId)).map((e) => e.action).sort();

  it('refuses an expiry already past, and writes nothing', async () => {
    const past = new Date(Date.now() - 1_000).toISOString();
    expect(await links.create(actor, workspaceId, { ...newLink, expiresAt: past })).toBe(
      'expiry-passed',
    );
    expect(await actions()).toEqual([]);
  });

  it('revokes once, audited, and closes its guests’ sockets once', async () => {
    const created = await links.create(actor, workspaceId, newLink);
    if (created === 'expiry-passed') throw new Error('refused');
    expect(await links.revoke(actor, workspaceId, created.link.id)).toBe(true);
    expect(await links.revoke(actor, workspaceId, created.link.id)).toBe(false);
    expect(await links.revoke(actor, 'another-workspace', created.link.id)).toBe(false);
    expect(revoked).toEqual([created.link.id]);
    expect(await actions()).toEqual(['link.created', 'link.revoked']);
  });

  it('counts only failures: unknown tokens per address, refused links per address and link', async () => {
    const created = await links.create(actor, workspaceId, newLink);
    if (created === 'expiry-passed') throw new Error('refused');
    // One use: the first redeems it, from the same address as every failure below.
    expect((await links.redeem('10.0.0.1', created.token, 'Chloé')).ok).toBe(true);

    const reasons = async (address: string, token: string, times: number) => {
      const seen = [];
      for (let i = 0; i < times; i++) {
        const result = await links.redeem(address, token, 'Denis');
        seen.push(result.ok ? 'ok' : result.reason);
      }
      return seen;
    };
    expect(await reasons('10.0.0.1', created.token, 3)).toEqual(['used-up', 'used-up', 'too-many']);
    // Another address insisting on the same link has a count of its own.
    expect(await reasons('10.0.0.2', created.token, 1)).toEqual(['used-up']);
    expect(await reasons('10.0.0.1', 'no-such-token', 4)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'too-many',
    ]);
    expect(await reasons('10.0.0.3', 'no-such-token', 1)).toEqual(['unknown']);
  });
});
