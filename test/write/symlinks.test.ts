// Nothing outside --out is ever read, written or deleted, whatever symbolic
// links the output folder holds; a symlinked --out itself is the user's choice.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { checkOutput } from '../../packages/cli/src/write/check-output.js';
import { MANIFEST_FILE } from '../../packages/cli/src/write/manifest.js';
import { writeOutput } from '../../packages/cli/src/write/write-output.js';
import { tempDir, tree } from './helpers.js';

const files = [{ path: 'index.ts', content: 'export const a = 1;\n' }];

/** An output folder holding `link -> <parent>/elsewhere`, where `secret.txt` lives. */
async function folderWithLinkOut(): Promise<{ out: string; secret: string }> {
  const root = await tempDir();
  const elsewhere = path.join(root, 'elsewhere');
  await mkdir(elsewhere);
  const secret = path.join(elsewhere, 'secret.txt');
  await writeFile(secret, 'TOP SECRET\n');
  const out = path.join(root, 'out');
  await writeOutput(out, files);
  await symlink(elsewhere, path.join(out, 'link'));
  await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify({ generatedBy: 'plangen', files: ['index.ts', 'link/secret.txt'] }));
  return { out, secret };
}

describe('symbolic links in the output folder', () => {
  it('a hand-edited manifest entry through a symlink does not delete the file outside --out (generate refuses)', async () => {
    const { out, secret } = await folderWithLinkOut();
    const before = await tree(out);
    const error = await writeOutput(out, [{ path: 'index.ts', content: 'changed\n' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as Error).message).toBe(
      `${path.join(out, MANIFEST_FILE)}: the entry "link/secret.txt" leads outside the output folder through the symbolic link ${path.join(out, 'link')}. Remove the entry from the manifest, or replace the link with a folder.`,
    );
    expect(await readFile(secret, 'utf8')).toBe('TOP SECRET\n');
    expect(await tree(out)).toEqual(before);
  });

  it('--check does not print the content of a file outside --out listed through a symlink', async () => {
    const { out } = await folderWithLinkOut();
    const error = await checkOutput(out, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as Error).message).toContain('the entry "link/secret.txt" leads outside the output folder');
    expect((error as Error).message).not.toContain('TOP SECRET');
  });

  it('refuses to write or read a generated file through a symlink that leads outside --out', async () => {
    const { out, secret } = await folderWithLinkOut();
    await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify({ generatedBy: 'plangen', files: ['index.ts'] }));
    await symlink(secret, path.join(out, 'types.ts'));
    const generated = [...files, { path: 'types.ts', content: 'x\n' }, { path: 'link/more.ts', content: 'y\n' }];
    await expect(writeOutput(out, generated)).rejects.toThrow(
      `${path.join(out, 'types.ts')}: this is a symbolic link that leads outside the output folder, and plangen generates "types.ts" here. Replace the link with a real folder or file, or choose another --out.`,
    );
    await expect(checkOutput(out, generated.slice(2))).rejects.toThrow(
      `${path.join(out, 'link')}: this is a symbolic link that leads outside the output folder, and plangen generates "link/more.ts" through it. Replace the link with a real folder or file, or choose another --out.`,
    );
    expect(await readdir(path.dirname(secret))).toEqual(['secret.txt']);
    expect(await readFile(secret, 'utf8')).toBe('TOP SECRET\n');
  });

  it('follows a symlink that stays inside --out', async () => {
    const out = path.join(await tempDir(), 'out');
    await mkdir(path.join(out, 'real'), { recursive: true });
    await symlink('real', path.join(out, 'alias'));
    await writeOutput(out, [{ path: 'alias/index.ts', content: 'a\n' }]);
    expect(await readFile(path.join(out, 'real', 'index.ts'), 'utf8')).toBe('a\n');
    expect(await checkOutput(out, [{ path: 'alias/index.ts', content: 'a\n' }])).toEqual({ stale: [] });
  });

  it('writes through a symlinked --out, staging beside the real folder', async () => {
    const root = await tempDir();
    const real = path.join(root, 'target', 'sdk');
    await mkdir(real, { recursive: true });
    await symlink(real, path.join(root, 'link'));
    await writeOutput(path.join(root, 'link'), files);
    expect(await tree(real)).toEqual({ 'index.ts': files[0]!.content, [MANIFEST_FILE]: expect.any(String) });
    expect((await readdir(root)).sort()).toEqual(['link', 'target']);
    expect(await readdir(path.join(root, 'target'))).toEqual(['sdk']);
  });
});
