import fs from 'node:fs';
import path from 'node:path';

export const clientDist = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist');

/** Browser tests run against the built app, as users get it; `npm test` builds it first. */
export function assertClientBuilt(): void {
  if (!fs.existsSync(path.join(clientDist, 'index.html'))) {
    throw new Error(`No built client in ${clientDist}: run "npm run build" (npm test does).`);
  }
}
