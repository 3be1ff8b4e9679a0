// What an output folder was generated from, as one hash the manifest records:
// plangen's identity (plangen-build.ts), the plan's bytes and path, the config
// file's bytes and path, and every resolved option. Paths count relative to the
// output folder, so a fresh clone elsewhere matches; bytes count exactly, so any
// edit (even whitespace) is a change: the fast path never skips work on a guess.
import path from 'node:path';
import { canonicalJson } from '../schema/canonical-json.js';
import { contentHash } from '../write/content-hash.js';

export interface FingerprintInputs {
  /** From plangenIdentity(). */
  readonly identity: string;
  /** Absolute. */
  readonly outDir: string;
  /** Absolute. */
  readonly planFile: string;
  readonly planBytes: Uint8Array;
  readonly config: { readonly file: string; readonly bytes: Uint8Array } | undefined;
  /** Everything else the generation was given: the input format and the generate options, as resolved. */
  readonly settings: unknown;
}

export function inputsFingerprint({ identity, outDir, planFile, planBytes, config, settings }: FingerprintInputs): string {
  const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
  return contentHash(
    canonicalJson({
      plangen: identity,
      plan: { path: relative(planFile), sha256: contentHash(planBytes) },
      config: config === undefined ? null : { path: relative(config.file), sha256: contentHash(config.bytes) },
      // JSON drops undefined members, so an option left unset and one absent hash alike.
      settings: JSON.parse(JSON.stringify(settings ?? null)) as unknown,
    }),
  );
}
