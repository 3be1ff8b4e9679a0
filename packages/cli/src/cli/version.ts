// plangen's own version, from its package.json (one small synchronous read).
// yargs' default would read the package.json nearest the working directory:
// the app's version once plangen is installed in an app.
import { readFileSync } from 'node:fs';

export function plangenVersion(): string {
  // src/cli/version.ts and dist/cli/version.js are both two folders below the package root.
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof packageJson.version !== 'string') throw new Error('plangen: its package.json has no version');
  return packageJson.version;
}
