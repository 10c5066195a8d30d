import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { CSRF_HEADER, CloseCode } from '@boussole/shared';
import { createAccessContext, type AccessContext } from './access/index.js';
import { ConnectionIndex } from './collab/ConnectionIndex.js';
import { isSameOrigin } from './http/sameOrigin.js';
import { registerSecurityHeaders } from './http/securityHeaders.js';
import { authRoutes } from './routes/auth.js';
import { linkRoutes } from './routes/links.js';
import { userRoutes } from './routes/users.js';
import { workspaceRoutes } from './routes/workspaces.js';
import type { Config } from './config.js';
import { RoomRegistry } from './collab/RoomRegistry.js';
import { contentValidatorsByKind } from './documents/contentValidatorForKind.js';
import type { DocStore } from './storage/DocStore.js';
import { DocumentAdmin } from './documents/DocumentAdmin.js';
import { DocumentCatalog } from './documents/DocumentCatalog.js';
import { DocumentVersions } from './documents/DocumentVersions.js';
import { Reports } from './documents/Reports.js';
import { documentRoutes } from './routes/documents.js';
import { reportRoutes } from './routes/reports.js';
import { boardRoutes } from './routes/boards.js';
import { boardExportRoutes } from './routes/boardExport.js';
import { cardLinkRoutes } from './routes/cardLinks.js';
import { boardAdminRoutes } from './routes/boardAdmin.js';
import { BoardActivity } from './documents/BoardActivity.js';
import { BoardAdmin } from './documents/BoardAdmin.js';
import { BoardCardCounts } from './documents/BoardCardCounts.js';
import { registerClientRoutes } from './routes/client.js';
import { registerClientConfigRoutes } from './routes/clientConfig.js';
import { registerCollabRoutes } from './routes/collab.js';
import { registerHealthRoutes } from './routes/health.js';
import { invitationNoticeRoutes } from './routes/invitationNotice.js';
import { importRoutes } from './routes/imports.js';
import { voteRoutes } from './routes/votes.js';
import { VoteService } from './votes/VoteService.js';
import { VoteStore } from './votes/VoteStore.js';
import { ImportService } from './imports/ImportService.js';
import { SessionDocs, boardIdOfSessionDoc } from './session/SessionDocs.js';
import { withBoardWriteRules } from './session/BoardWriteGate.js';
import type { ContentValidator } from './collab/ContentValidator.js';
import { sessionRoutes } from './session/sessionRoutes.js';
import { Contributions } from './contributions/Contributions.js';
import { withAnonymousAuthorship } from './contributions/anonymousAuthorship.js';
import { heldCardRoutes } from './routes/heldCards.js';

export interface AppDeps {
  config: Config;
  /** Already migrated. The app does not close it: whoever opened it does. */
  store: DocStore;
  /** Milliseconds since the epoch for link expiry; tests inject one to move time instead of waiting. */
  clock?: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry;
    /** Accounts, workspaces, links and the rules of who may do what (server/src/access). */
    access: AccessContext;
  }
}

/** Believe the last `hops` proxies, as Express's numeric trust proxy setting does. */
const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Build the HTTP + websocket application without listening (tests use port 0 or inject). */
export async function buildApp({ config, store, clock }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.query.token'],
    },
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    // Document ids are up to 128 characters; longer ones must reach our validation (4404 on a
    // websocket, 404 on REST) rather than stop at the router with a bare 414.
    routerOptions: { maxParamLength: 2048 },
    // request.ip (rate-limit keys, logs) comes from X-Forwarded-For only from these proxies.
    trustProxy:
      typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  });
  // First of all hooks, so that every response carries them, refusals and errors included.
  registerSecurityHeaders(app);

  // Every REST error has the shared ApiError shape; 5xx details stay in the logs.
  app.setErrorHandler(
    (error: { statusCode?: number; code?: string; message: string }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({
        error: error.code ?? (status >= 500 ? 'internal-error' : 'bad-request'),
        message:
          status >= 500
            ? 'Erreur interne du serveur. Réessayez dans un instant.'
            : `Requête invalide : ${error.message}`,
      });
    },
  );

  const documents = new DocumentCatalog(store.sql);
  // When each board last changed, seen at every append the rooms commit (workspace page).
  const activity = new BoardActivity(documents, app.log);
  const contentValidatorFor = contentValidatorsByKind({ uncheckedRoots: config.uncheckedRoots });
  const registry = new RoomRegistry(
    activity.track(store),
    {
      ...config.rooms,
      maxDocumentBytes: config.limits.maxDocumentBytes,
      maxPendingBytes: config.limits.maxPendingBytes,
      maxPendingClients: config.limits.maxPendingClients,
      maxRoomPendingBytes: config.limits.maxRoomPendingBytes,
      // « Sans hiérarchie »: nobody's name or cursor is relayed on a board in anonymous mode.
      presenceHidden: (docId) => sessions.currentSession(docId).modes?.anonymous === true,
    },
    app.log,
    async (docId): Promise<ContentValidator | undefined> => {
      const kind = (await documents.get(docId))?.kind;
      const validator = contentValidatorFor(kind);
      if (!validator) return undefined;
      // Boards obey their session (timer at zero, locks); session rooms report their state.
      if (kind === 'board') {
        await sessions.prepareBoard(docId);
        const authored = withAnonymousAuthorship(validator, docId, {
          isAnonymous: (boardId) => sessions.currentSession(boardId).modes?.anonymous === true,
          record: (boardId, author, cardIds) =>
            contributions.recordAnonymousCards(boardId, author, cardIds),
        });
        return withBoardWriteRules(authored, docId, sessions);
      }
      const boardId = kind === 'board-session' ? boardIdOfSessionDoc(docId) : undefined;
      return boardId ? sessions.contentValidator(boardId, validator) : validator;
    },
  );
  app.decorate('rooms', registry);
  /** Boards' session documents (timer, agenda, vote, lock…), for routes and the board rules. */
  const sessions: SessionDocs = new SessionDocs({
    documents,
    rooms: registry,
    clock: clock ?? Date.now,
  });
  app.decorate('sessions', sessions);
  const cardCounts = new BoardCardCounts({ store, liveRoom: (docId) => registry.peek(docId) });

  await app.register(websocket, {
    // Frames over MAX_FRAME_BYTES get our own close code (4413) from RoomConnection; ws itself
    // stops reading (1009) only past twice that, so memory stays bounded either way.
    options: { maxPayload: config.limits.maxFrameBytes * 2 },
    // A client's protocol violation (oversized frame, bad UTF-8 close reason, reset) is the
    // client's problem: log it briefly, without a stack trace a hostile client could flood.
    errorHandler(error, socket, request) {
      const code = (error as { code?: string }).code;
      request.log.info({ code, message: error.message }, 'websocket closed on error');
      socket.terminate();
    },
    preClose(done) {
      for (const client of this.websocketServer.clients) {
        client.close(CloseCode.ServerShuttingDown, 'server shutting down');
      }
      done();
    },
  });
  // A state-changing request must come from a Boussole page: same origin, and a header that a
  // cross-site form cannot send (no CORS is ever granted, so a cross-site script cannot either).
  app.addHook('onRequest', async (request, reply) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.headers[CSRF_HEADER] !== '1' || !isSameOrigin(request, config.allowedOrigins)) {
      return reply.code(403).send({
        error: 'csrf',
        message: 'Requête refusée : elle ne vient pas d’une page de ce serveur Boussole.',
      });
    }
  });

  const connections = new ConnectionIndex();
  const access = createAccessContext({
    store,
    documents,
    sessionDays: config.sessionDays,
    clock,
    hooks: {
      linkRevoked: (linkId) =>
        connections.closeWhere(
          (o) => o.linkId === linkId,
          CloseCode.Unauthorized,
          'invitation link revoked',
        ),
      sessionClosed: (sessionId) =>
        connections.closeWhere(
          (o) => o.sessionId === sessionId,
          CloseCode.Unauthorized,
          'signed out',
        ),
      membershipChanged: (workspaceId, userId) =>
        connections.closeWhere(
          (o) => o.workspaceId === workspaceId && o.principalId === userId,
          CloseCode.AccessChanged,
          'rights changed',
        ),
      documentsErased: async (docIds) => {
        for (const docId of docIds) {
          await registry.erase(docId, CloseCode.InvalidDocumentId, 'document erased');
          activity.forget(docId);
          cardCounts.forget(docId);
        }
      },
    },
  });
  app.decorate('access', access);
  const versions = new DocumentVersions(store.sql);
  const reports = new Reports({
    store,
    documents,
    workspaces: access.workspaces,
    versions,
    audit: access.audit,
    rooms: registry,
  });
  const documentAdmin = new DocumentAdmin({
    sql: store.sql,
    versions,
    audit: access.audit,
    rooms: registry,
  });

  const boardValidator = contentValidatorFor('board');
  if (!boardValidator) throw new Error('no content rules for boards');
  const imports = new ImportService({
    documents,
    workspaces: access.workspaces,
    rooms: registry,
    boardValidator,
    audit: access.audit,
    sql: store.sql,
    limits: config.imports,
    clock,
  });
  // Cards held out of the board while writing privately or moderated (issue #15).
  const contributions = new Contributions({
    sql: store.sql,
    rooms: registry,
    boardValidator,
    audit: access.audit,
    sessions,
    documents,
    log: app.log,
    clock,
  });
  // Erasing a workspace drops its imports, which live in memory only.
  access.hooks.workspaceErased = (workspaceId) => imports.dropWorkspace(workspaceId);
  // Expired imports leave memory even when nobody asks about them any more.
  const importSweeper = setInterval(
    () => imports.sessions.sweep(),
    Math.min(60_000, config.imports.ttlMs),
  );
  importSweeper.unref();

  registerCollabRoutes(app, { registry, config, access: access.access, connections });
  registerHealthRoutes(app, { store });
  // REST resources, one plugin each, given what they use; the work is in access/ and documents/.
  await app.register(boardRoutes, { documents, access: access.access, sessions });
  await app.register(sessionRoutes, { sessions });
  await app.register(boardExportRoutes, {
    documents,
    access: access.access,
    committedState: (docId) => registry.committedState(docId),
  });
  await app.register(cardLinkRoutes, {
    ctx: access,
    committedState: (docId) => registry.committedState(docId),
  });
  await app.register(authRoutes, { ctx: access });
  await app.register(workspaceRoutes, {
    ctx: access,
    archive: { versions, committedState: (docId) => registry.committedState(docId) },
  });
  await app.register(documentRoutes, { ctx: access, versions, admin: documentAdmin });
  await app.register(boardAdminRoutes, {
    ctx: access,
    admin: new BoardAdmin({
      documents,
      store,
      audit: access.audit,
      eraseContent: (docId) =>
        registry.erase(docId, CloseCode.InvalidDocumentId, 'document erased'),
    }),
    counts: cardCounts,
    activity,
    peopleOn: (docIds) => connections.peopleOn(docIds),
    presenceHidden: (docId) => sessions.currentSession(docId).modes?.anonymous === true,
  });
  await app.register(reportRoutes, { ctx: access, reports });
  await app.register(linkRoutes, { ctx: access });
  await app.register(invitationNoticeRoutes, { ctx: access });
  await app.register(userRoutes, { ctx: access });
  await app.register(importRoutes, {
    ctx: access,
    imports,
    maxBytes: config.imports.maxBytes,
  });
  await app.register(heldCardRoutes, { documents, access: access.access, contributions });
  // Dot-votes (issue #15): ballots in SQL, the vote's public face in the session document.
  const votes = new VoteService({
    store: new VoteStore(store.sql),
    rooms: registry,
    session: sessions,
    clock,
  });
  await app.register(voteRoutes, { documents, access: access.access, votes });
  registerClientConfigRoutes(app, { tldrawLicenseKey: config.tldrawLicenseKey });
  await registerClientRoutes(app, { clientDist: config.clientDist });

  // Runs after the listener stopped: every accepted update is committed before we return.
  app.addHook('onClose', async () => {
    votes.dispose();
    clearInterval(importSweeper);
    imports.sessions.clear();
    await registry.closeAll(CloseCode.ServerShuttingDown, 'server shutting down');
  });
  return app;
}
