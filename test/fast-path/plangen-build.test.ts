// plangen's identity, which the fingerprint and the cache key on: its version,
// a build id (built: dist/build-id.txt; from sources: a hash of src/ and
// templates/), and the versions of the packages that shape generated text.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_ID_FILE, plangenIdentity } from '../../packages/cli/src/fast-path/plangen-build.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A package folder named plangen, with a module at dist/fast-path/plangen-build.js. */
async function builtPackage(buildId: string | undefined): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-build-'));
  made.push(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'plangen', version: '9.8.7' }));
  await mkdir(path.join(dir, 'dist/fast-path'), { recursive: true });
  await mkdir(path.join(dir, 'node_modules/prettier'), { recursive: true });
  await writeFile(path.join(dir, 'node_modules/prettier/package.json'), JSON.stringify({ name: 'prettier', version: '3.0.0-test' }));
  if (buildId !== undefined) await writeFile(path.join(dir, BUILD_ID_FILE), `${buildId}\n`);
  return pathToFileURL(path.join(dir, 'dist/fast-path/plangen-build.js')).href;
}

describe('plangenIdentity', () => {
  it('names the version, the build id and the installed versions of the packages that shape the output', async () => {
    const identity = plangenIdentity(await builtPackage('0123456789abcdef0123'));
    expect(identity).toMatch(/^plangen@9\.8\.7 build 0123456789abcdef0123 /);
    expect(identity).toContain(' prettier@3.0.0-test');
  });

  it('reads only the versions of the packages the build left out of its bundle, when it names them', async () => {
    const identity = plangenIdentity(await builtPackage('0123456789abcdef0123\nexternal typescript'));
    expect(identity).toMatch(/^plangen@9\.8\.7 build 0123456789abcdef0123 typescript@-$/);
  });

  it('is unknown without a build id, so nothing is reused', async () => {
    expect(plangenIdentity(await builtPackage(undefined))).toBeUndefined();
    expect(plangenIdentity(await builtPackage('not a hash'))).toBeUndefined();
  });

  it('from the sources, hashes the sources and templates', () => {
    const identity = plangenIdentity();
    expect(identity).toMatch(/^plangen@\d+\.\d+\.\d+\S* build source-[0-9a-f]{32} ajv@8\./);
  });
});
