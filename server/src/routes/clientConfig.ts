import type { FastifyInstance } from 'fastify';
import type { ClientConfig } from '@boussole/shared';

/** GET /api/config — installation settings the browser needs (no secrets). */
export function registerClientConfigRoutes(
  app: FastifyInstance,
  deps: { tldrawLicenseKey: string | undefined },
): void {
  const body: ClientConfig = { tldrawLicenseKey: deps.tldrawLicenseKey ?? null };
  app.get('/api/config', async () => body);
}
