import type { FastifyPluginAsync } from 'fastify';
import type { SessionDocs } from './SessionDocs.js';

/**
 * GET /api/clock — the server's time, against which every client measures its own clock's
 * offset (half the round trip counted), so that a timer's end, stored in server time, shows
 * the same remaining time on a computer whose clock is minutes off. Open to anyone: the time
 * is no secret, and the invitation page may need it before anyone signs in.
 */
export const sessionRoutes: FastifyPluginAsync<{ sessions: Pick<SessionDocs, 'now'> }> = async (
  app,
  { sessions },
) => {
  app.get('/api/clock', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return { now: sessions.now() };
  });
};
