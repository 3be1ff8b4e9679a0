// `plangen --version` is plangen's version, read from its own package.json,
// not the one nearest the working directory (the app's).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from './helpers.js';

const cliPackage = path.join(import.meta.dirname, '../../packages/cli/package.json');

describe('plangen --version', () => {
  it("prints plangen's version, not `unknown` and not the app's version", async () => {
    const { version } = JSON.parse(await readFile(cliPackage, 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const dir = await project();
    await writeFile(path.join(dir, 'package.json'), '{ "name": "app", "version": "9.9.9" }\n');
    captureOutput();
    // yargs prints the version with console.log.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['--version'])).toBe(0);
    expect(log.mock.calls).toEqual([[version]]);
  });
});
