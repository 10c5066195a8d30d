import type { loginRequestSchema, Me, PrincipalDto, setupRequestSchema } from '@boussole/shared';
import type { z } from 'zod';
import type { Accounts, User } from './accounts.js';
import type { Principal } from './DocumentAccess.js';
import type { AccessContext } from './index.js';

type OpenedSession = Awaited<ReturnType<Accounts['openSession']>>;

/**
 * The first administrator, signing in and out, and who the caller is. Its parts are read from
 * the context at each call, so that a test may swap the throttle for one on its own clock.
 */
export class Sessions {
  constructor(
    private readonly deps: Pick<
      AccessContext,
      'store' | 'accounts' | 'workspaces' | 'audit' | 'setup' | 'signIns' | 'hooks'
    >,
  ) {}

  /** The first administrator's account, once, with the setup token printed at the first start. */
  async setUp(
    input: z.output<typeof setupRequestSchema>,
  ): Promise<{ user: User; session: OpenedSession } | 'setup-refused' | 'setup-done'> {
    const { setup, accounts } = this.deps;
    if (!setup.isOpen || !setup.matches(input.token)) return 'setup-refused';
    setup.close();
    if ((await accounts.count()) > 0) return 'setup-done';
    const user = await accounts.create({ ...input, isAdmin: true });
    await this.deps.audit.append(this.deps.store.sql, {
      workspaceId: null,
      actor: { id: user.id, name: user.displayName },
      action: 'instance.setup',
      details: { email: user.email },
    });
    return { user, session: await accounts.openSession(user.id) };
  }

  /**
   * Guessing slows down rather than locks (signInThrottle.ts): whoever shares the guesser's
   * address waits a minute at worst, and the owner elsewhere is not slowed at all.
   */
  async signIn(
    address: string,
    { email, password }: z.output<typeof loginRequestSchema>,
  ): Promise<{ user: User; session: OpenedSession } | { waitMs: number } | 'bad-credentials'> {
    const { signIns, accounts } = this.deps;
    const waitMs = signIns.waitMs(address, email);
    if (waitMs > 0) return { waitMs };
    const user = await accounts.authenticate(email, password);
    if (!user) {
      signIns.failed(address, email);
      return 'bad-credentials';
    }
    signIns.succeeded(address, email);
    return { user, session: await accounts.openSession(user.id) };
  }

  /** Ends a staff session and closes the sockets it opened; a guest's cookie is just dropped. */
  async signOut(principal: Principal | undefined): Promise<void> {
    if (principal?.kind !== 'user') return;
    await this.deps.accounts.closeSession(principal.sessionId);
    this.deps.hooks.sessionClosed(principal.sessionId);
  }

  async describe(principal: Principal): Promise<Me> {
    const { accounts, workspaces } = this.deps;
    if (principal.kind === 'guest') {
      const workspace = await workspaces.get(principal.workspaceId);
      const dto: PrincipalDto = {
        kind: 'guest',
        id: principal.guestId,
        displayName: principal.displayName,
        workspaceId: principal.workspaceId,
        role: principal.role,
        instance: principal.instance,
      };
      return {
        principal: dto,
        memberships: workspace
          ? [
              {
                workspaceId: workspace.id,
                workspaceName: workspace.name,
                role: principal.role,
                instances: principal.instance ? [principal.instance] : [],
              },
            ]
          : [],
      };
    }
    const user = await accounts.get(principal.userId);
    const list = await workspaces.listFor({ id: principal.userId, isAdmin: false });
    const memberships = await Promise.all(
      list.map(async (w) => ({
        workspaceId: w.id,
        workspaceName: w.name,
        role: w.role ?? 'lecteur',
        instances: (await workspaces.membership(w.id, principal.userId))?.instances ?? [],
      })),
    );
    return {
      principal: {
        kind: 'user',
        id: principal.userId,
        displayName: principal.displayName,
        email: user?.email ?? '',
        isAdmin: principal.isAdmin,
        canCreateWorkspaces: principal.canCreateWorkspaces,
      },
      memberships,
    };
  }
}
