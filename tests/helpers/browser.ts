import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (never `playwright install`). Each person in a
 * test gets a persistent context on a fresh profile directory: separate storage, IndexedDB
 * and identity, like two people on two laptops.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}`;
  if (process.env.CI) throw new Error(`${message}: required in CI (.ci/run installs it).`);
  process.stderr.write(
    `\n\n!!! SKIPPING BROWSER TESTS: ${message} (apt-get install chromium). !!!\n\n`,
  );
  return false;
}

export interface Person {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * A browser profile for one person. Every request to a host other than localhost/127.0.0.1
 * is aborted and recorded, so a page that depends on a CDN fails the test.
 */
export async function openPerson(name: string, blocked: string[] = []): Promise<Person> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), `boussole-${name}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (local || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return {
    context,
    profileDir,
    async close() {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots are kept as CI artifacts under test-artifacts/. */
export function artifactPath(file: string): string {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, file);
}
