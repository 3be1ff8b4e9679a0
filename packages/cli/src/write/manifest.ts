// The manifest lists every file plangen wrote to an output folder. It is the
// only proof that a file is ours: files not listed are never deleted or
// overwritten with different content. Its fingerprint records what the output
// was generated from and the hash of every file written, so that a later run
// with the same inputs and untouched files can answer without generating
// (fast-path/): it is committed with the output, so a fresh clone has it too.
import { PlanError } from '../errors.js';
import { contentHash } from './content-hash.js';
import { checkInside, shownPath, type OutputFolder } from './output-folder.js';
import { isSafeOutputPath, resolveOutputPath } from './output-path.js';
import type { Writer } from './writer.js';
import type { GeneratedFile } from '../generate/options.js';

export const MANIFEST_FILE = '.plangen-manifest.json';

interface ManifestJson {
  readonly generatedBy: 'plangen';
  readonly files: readonly string[];
  readonly fingerprint?: ManifestFingerprint;
}

/** What the output was generated from (fast-path/fingerprint.ts) and what was written. */
export interface ManifestFingerprint {
  /** The hash of plangen's identity, the plan, the config and the options. */
  readonly inputs: string;
  /** One line for messages: `25 events, 30 versions`. */
  readonly summary: string;
  /** SHA-256 of each file written, by path; the same paths as `files`. */
  readonly outputs: Readonly<Record<string, string>>;
}

/** What the generate command knows before the write: the file hashes are the writer's to take. */
export type GenerationRecord = Omit<ManifestFingerprint, 'outputs'>;

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

/** Sorted, so the manifest is the same for the same output; with `fingerprint`, the hash of every file too. */
export function serializeManifest(files: Iterable<string> | readonly GeneratedFile[], fingerprint?: GenerationRecord): string {
  const list = [...files];
  const paths = [...new Set(list.map((file) => (typeof file === 'string' ? file : file.path)))].sort();
  const manifest: ManifestJson = { generatedBy: 'plangen', files: paths };
  if (fingerprint === undefined) return `${JSON.stringify(manifest, null, 2)}\n`;
  const contents = new Map(list.flatMap((file) => (typeof file === 'string' ? [] : [[file.path, file.content] as const])));
  if (paths.some((file) => !contents.has(file))) throw new Error('plangen: a fingerprinted manifest needs the content of every file');
  const outputs = Object.fromEntries(paths.map((file) => [file, contentHash(contents.get(file)!)]));
  return `${JSON.stringify({ ...manifest, fingerprint: { ...fingerprint, outputs } }, null, 2)}\n`;
}

/** The fingerprint of a manifest's text, when it has a well-formed one listing exactly its files. */
export function manifestFingerprint(text: string): (ManifestFingerprint & { readonly files: readonly string[] }) | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isManifest(json) || json.fingerprint === undefined) return undefined;
  const { inputs, summary, outputs } = json.fingerprint as Partial<Record<keyof ManifestFingerprint, unknown>>;
  if (typeof inputs !== 'string' || typeof summary !== 'string' || typeof outputs !== 'object' || outputs === null) return undefined;
  const hashed = Object.keys(outputs).sort();
  const same = hashed.length === json.files.length && [...json.files].sort().every((file, index) => file === hashed[index]);
  if (!same || !Object.values(outputs).every((hash) => typeof hash === 'string')) return undefined;
  return { files: json.files, inputs, summary, outputs: outputs as Record<string, string> };
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
