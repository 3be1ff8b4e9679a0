// plangen's own version, as it prints it (`--version`, audit's SARIF), from its
// package.json (one small synchronous read). yargs' default would read the
// package.json nearest the working directory: the app's version once plangen is
// installed in an app. Here, below the bin's first step and the full CLI, so both read it.
import { readFileSync } from 'node:fs';

export function plangenVersion(): string {
  // src/messages/plangen-version.ts and its built copies (dist/messages/, dist/bundle/) are two folders below the package root.
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof packageJson.version !== 'string') throw new Error('plangen: its package.json has no version');
  return packageJson.version;
}
