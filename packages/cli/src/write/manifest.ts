// The manifest lists every file plangen wrote to an output folder. It is the
// only proof that a file is ours: files not listed are never deleted or
// overwritten with different content.
import path from 'node:path';
import { PlanError } from '../errors.js';
import { isSafeOutputPath } from './output-path.js';
import type { Writer } from './writer.js';

export const MANIFEST_FILE = '.plangen-manifest.json';

interface ManifestJson {
  readonly generatedBy: 'plangen';
  readonly files: readonly string[];
}

/** The paths listed in the manifest; empty when the folder has none. */
export async function readManifest(outDir: string, writer: Writer): Promise<ReadonlySet<string>> {
  const file = path.join(outDir, MANIFEST_FILE);
  const text = await writer.readFile(file);
  if (text === undefined) return new Set();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!isManifest(json)) {
    throw new PlanError(
      { file },
      'this is not a valid plangen manifest',
      'Delete it (plangen will then refuse to replace files it did not record), or choose another --out',
    );
  }
  return new Set(json.files);
}

/** Sorted, so the manifest is the same for the same output. */
export function serializeManifest(files: Iterable<string>): string {
  const manifest: ManifestJson = { generatedBy: 'plangen', files: [...new Set(files)].sort() };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function isManifest(json: unknown): json is ManifestJson {
  if (typeof json !== 'object' || json === null) return false;
  const { generatedBy, files } = json as Record<string, unknown>;
  // Unsafe entries would let a hand-edited manifest delete files outside the folder.
  return (
    generatedBy === 'plangen' &&
    Array.isArray(files) &&
    files.every((file) => typeof file === 'string' && isSafeOutputPath(file) && file !== MANIFEST_FILE)
  );
}
