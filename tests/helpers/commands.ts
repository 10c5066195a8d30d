import { spawnSync } from 'node:child_process';

/**
 * Tests that need a program (LibreOffice, pdftotext) ask here. On a developer's machine an
 * absent program skips them with a loud notice; in CI (CI set) it fails the run instead.
 */
export function commandAvailable(command: string, what: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (found) return true;
  const message = `${what} (${command}) is not installed`;
  if (process.env.CI) throw new Error(`${message}: required in CI (.ci/run installs it).`);
  process.stderr.write(`\n\n!!! SKIPPING ${what} CHECKS: ${message}. !!!\n\n`);
  return false;
}
