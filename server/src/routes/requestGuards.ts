import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import type { Principal } from '../access/DocumentAccess.js';
import type { WorkspaceRights } from '../access/AccessService.js';

export function problem(error: string, message: string): ApiError {
  return { error, message };
}

export async function requirePrincipal(
  ctx: AccessContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal | undefined> {
  const principal = await ctx.access.principalFromHeaders(request.headers);
  if (!principal) {
    void reply.code(401).send(problem('unauthenticated', 'Connectez-vous pour continuer.'));
  }
  return principal;
}

export async function requireStaff(
  ctx: AccessContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<(Principal & { kind: 'user' }) | undefined> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (!principal) return undefined;
  if (principal.kind !== 'user') {
    void reply
      .code(403)
      .send(problem('staff-only', 'Cette action est réservée aux comptes de l’équipe.'));
    return undefined;
  }
  return principal;
}

/**
 * The caller's rights in a workspace, or a refusal: 401 when nobody is signed in, 404 when the
 * workspace does not exist or they are not in it (a stranger learns nothing about it), 403 when
 * `allowed` says their role may not do this.
 */
export async function requireWorkspace(
  ctx: AccessContext,
  request: FastifyRequest,
  reply: FastifyReply,
  workspaceId: string,
  allowed: (rights: WorkspaceRights) => boolean = () => true,
): Promise<{ principal: Principal; rights: WorkspaceRights } | undefined> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (!principal) return undefined;
  const rights = (await ctx.workspaces.get(workspaceId))
    ? await ctx.access.rightsIn(principal, workspaceId)
    : undefined;
  if (!rights) {
    void reply
      .code(404)
      .send(problem('workspace-not-found', 'Cet espace de travail n’existe pas.'));
    return undefined;
  }
  if (!allowed(rights)) {
    void reply
      .code(403)
      .send(problem('forbidden', `Votre rôle (${rights.role}) ne permet pas cette action.`));
    return undefined;
  }
  return { principal, rights };
}

export function actorOf(principal: Principal): { id: string; name: string } {
  return {
    id: principal.kind === 'user' ? principal.userId : principal.guestId,
    name: principal.displayName,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking (and their rights in the route's workspace), set by an access guard. */
    caller?: { principal: Principal; rights?: WorkspaceRights };
  }
}

/**
 * The same checks as preValidation hooks, for routes with zod schemas: each answers its refusal
 * itself, before the body is validated, or leaves `request.caller` set for the handler.
 */
export function accessGuards(ctx: AccessContext) {
  return {
    signedIn: async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await requirePrincipal(ctx, request, reply);
      if (!principal) return reply;
      request.caller = { principal };
    },
    staff: async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await requireStaff(ctx, request, reply);
      if (!principal) return reply;
      request.caller = { principal };
    },
    /** The route's `:workspaceId`, with the rights that `allowed` demands. */
    workspace:
      (allowed?: (rights: WorkspaceRights) => boolean) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const { workspaceId } = request.params as { workspaceId: string };
        const found = await requireWorkspace(ctx, request, reply, workspaceId, allowed);
        if (!found) return reply;
        request.caller = found;
      },
  };
}

/** Whoever a `signedIn` guard (or any other) let through. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = request.caller?.principal;
  if (!principal) throw new Error(`${request.url}: no access guard`);
  return principal;
}

/** The staff account a `staff` guard let through. */
export function staffOf(request: FastifyRequest): Principal & { kind: 'user' } {
  const principal = request.caller?.principal;
  if (principal?.kind !== 'user') throw new Error(`${request.url}: no staff guard`);
  return principal;
}

/** The caller and their rights that a `workspace` guard let through. */
export function memberOf(request: FastifyRequest): {
  principal: Principal;
  rights: WorkspaceRights;
} {
  const { principal, rights } = request.caller ?? {};
  if (!principal || !rights) throw new Error(`${request.url}: no workspace guard`);
  return { principal, rights };
}
