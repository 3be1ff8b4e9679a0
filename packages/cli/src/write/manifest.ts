// The manifest lists every file plangen wrote to an output folder. It is the
// only proof that a file is ours: files not listed are never deleted or
// overwritten with different content.
import { PlanError } from '../errors.js';
import { checkInside, shownPath, type OutputFolder } from './output-folder.js';
import { isSafeOutputPath, resolveOutputPath } from './output-path.js';
import type { Writer } from './writer.js';

export const MANIFEST_FILE = '.plangen-manifest.json';

interface ManifestJson {
  readonly generatedBy: 'plangen';
  readonly files: readonly string[];
}

export interface Manifest {
  /** The paths listed; empty when the folder has none. */
  readonly files: ReadonlySet<string>;
  /** The manifest text on disk, if any. */
  readonly text: string | undefined;
}

/** Reads and checks the manifest: every entry must stay inside the folder, even through symbolic links. */
export async function readManifest(folder: OutputFolder, writer: Writer): Promise<Manifest> {
  const shown = shownPath(folder, MANIFEST_FILE);
  const place = await checkInside(folder, MANIFEST_FILE, writer);
  if (!place.ok) {
    throw new PlanError({ file: shown }, 'the manifest is a symbolic link that leads outside the output folder', 'Delete the link, or choose another --out');
  }
  if (place.kind === undefined) return { files: new Set(), text: undefined };
  const text = place.kind === 'file' ? await writer.readFile(resolveOutputPath(folder.real, MANIFEST_FILE)) : undefined;
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!isManifest(json)) {
    throw new PlanError(
      { file: shown },
      'this is not a valid plangen manifest',
      'Delete it (plangen will then refuse to replace files it did not record), or choose another --out',
    );
  }
  for (const entry of json.files) {
    const check = await checkInside(folder, entry, writer);
    // A listed file under something that is now a file is simply gone; only a way out is refused.
    if (!check.ok && check.problem === 'leads outside') {
      throw new PlanError(
        { file: shown },
        `the entry ${JSON.stringify(entry)} leads outside the output folder through the symbolic link ${shownPath(folder, check.via)}`,
        `Remove the entry from the manifest, or replace the link with a folder`,
      );
    }
  }
  return { files: new Set(json.files), text };
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
