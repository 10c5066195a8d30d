import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './server.js';

/**
 * An ODT as LibreOffice reads it: converted headless to UTF-8 text, with a profile of its own
 * so that parallel runs never share one. Check `commandAvailable('soffice', …)` first.
 */
export function odtToText(odt: Uint8Array): string {
  const dir = tempDir('boussole-odt-');
  try {
    const file = path.join(dir, 'rapport.odt');
    fs.writeFileSync(file, odt);
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 170_000, stdio: 'ignore' },
    );
    return fs.readFileSync(path.join(dir, 'rapport.txt'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
