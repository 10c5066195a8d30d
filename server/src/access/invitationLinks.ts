import type { createLinkRequestSchema } from '@boussole/shared';
import type { z } from 'zod';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import type { Actor, AuditLog } from './auditLog.js';
import type { FailureLimiter } from './FailureLimiter.js';
import type { AccessHooks } from './index.js';
import type { Invitations, RedeemResult } from './invitations.js';

type NewLink = z.output<typeof createLinkRequestSchema>;

/**
 * Invitation links as administrators and guests use them: created and revoked with an audit
 * entry (revoking also closes the sockets its guests opened), redeemed under a failure limit.
 */
export class InvitationLinks {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly invitations: Invitations,
    private readonly audit: AuditLog,
    private readonly hooks: Pick<AccessHooks, 'linkRevoked'>,
    private readonly redeemFailures: {
      unknownPerAddress: FailureLimiter;
      refusedPerLink: FailureLimiter;
    },
    private readonly clock: () => number = Date.now,
  ) {}

  async create(
    actor: Actor,
    workspaceId: string,
    input: NewLink,
  ): Promise<Awaited<ReturnType<Invitations['create']>> | 'expiry-passed'> {
    if (new Date(input.expiresAt).getTime() <= this.clock()) return 'expiry-passed';
    return this.sql.transaction(async (tx) => {
      const result = await this.invitations.create(
        { workspaceId, ...input, createdBy: actor.id },
        tx,
      );
      await this.audit.append(tx, {
        workspaceId,
        actor,
        action: 'link.created',
        details: {
          linkId: result.link.id,
          role: input.role,
          instance: input.instance,
          maxUses: input.maxUses,
          expiresAt: input.expiresAt,
        },
      });
      return result;
    });
  }

  /** False when the link does not exist in this workspace or was already revoked. */
  async revoke(actor: Actor, workspaceId: string, linkId: string): Promise<boolean> {
    const revoked = await this.sql.transaction(async (tx) => {
      const done = await this.invitations.revoke(workspaceId, linkId, tx);
      if (done) {
        await this.audit.append(tx, {
          workspaceId,
          actor,
          action: 'link.revoked',
          details: { linkId },
        });
      }
      return done;
    });
    if (revoked) this.hooks.linkRevoked(linkId);
    return revoked;
  }

  /**
   * Only failures count, keyed by address (unknown tokens) or by address and link (refused
   * ones): forty people redeeming one link from the town hall's address never meet a limit.
   */
  async redeem(
    address: string,
    token: string,
    displayName: string,
  ): Promise<RedeemResult | { ok: false; reason: 'too-many' }> {
    const { unknownPerAddress, refusedPerLink } = this.redeemFailures;
    if (unknownPerAddress.isBlocked(address)) return { ok: false, reason: 'too-many' };
    const result = await this.invitations.redeem(token, displayName);
    if (!result.ok) {
      if (result.reason === 'unknown') unknownPerAddress.fail(address);
      else {
        const key = `${address}|${result.linkId}`;
        if (refusedPerLink.isBlocked(key)) return { ok: false, reason: 'too-many' };
        refusedPerLink.fail(key);
      }
    }
    return result;
  }
}
