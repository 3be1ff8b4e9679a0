// The nothing-changed fast path of `plangen generate` and `generate --check`:
// when the manifest's fingerprint (write/manifest.ts) says the output was made
// by this very plangen from these very plan, config and options, and every file
// still has the hash recorded, generating again would write nothing (and
// --check would find nothing stale), so it answers at once. It runs before the
// full CLI is loaded (no yargs, cosmiconfig, ajv or prettier: node:* and light
// plangen modules only, which test/fast-path/light.test.ts checks) and hands
// over, returning undefined, at the first thing it cannot prove.
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { resolveGenerateOptions } from '../config/resolve-generate-options.js';
import { displayPath } from '../messages/display-path.js';
import { countOf } from '../messages/plural.js';
import { contentHash } from '../write/content-hash.js';
import { MANIFEST_FILE, manifestFingerprint } from '../write/manifest.js';
import { isSafeOutputPath, resolveOutputPath } from '../write/output-path.js';
import { inputsFingerprint } from './fingerprint.js';
import { parseGenerateArgs } from './generate-args.js';
import { readJsonConfig } from './json-config.js';
import { plangenIdentity } from './plangen-build.js';

export interface FastPathDeps {
  readonly cwd?: string;
  readonly identity?: () => string | undefined;
  readonly stderr?: (text: string) => void;
  /** Where firstStep prints `--version`; process.stdout when not given. */
  readonly stdout?: (text: string) => void;
}

/** The exit code when the output is provably up to date; undefined: run the full CLI. */
export function runFastPath(argv: readonly string[], deps: FastPathDeps = {}): number | undefined {
  const started = performance.now();
  const cwd = deps.cwd ?? process.cwd();
  try {
    const args = parseGenerateArgs(argv);
    // --no-cache computes everything (docs/config.md), and --watch keeps running: neither is answered here.
    if (args === undefined || args.cache === false || args.watch === true) return undefined;
    const config = readJsonConfig(args.config, cwd);
    if (config === undefined) return undefined;
    const resolved = resolveGenerateOptions(args, config.loaded, cwd);
    const outReal = realpathSync(resolved.outDir);
    // A staging folder beside --out: an interrupted or running write, which the full CLI repairs or refuses.
    const staging = `.plangen-tmp-${path.basename(outReal)}-`;
    if (readdirSync(path.dirname(outReal)).some((name) => name.startsWith(staging))) return undefined;
    const manifest = manifestFingerprint(readFileSync(path.join(outReal, MANIFEST_FILE), 'utf8'));
    if (manifest === undefined) return undefined;

    const identity = (deps.identity ?? plangenIdentity)();
    if (identity === undefined) return undefined;
    const inputs = inputsFingerprint({
      identity,
      outDir: resolved.outDir,
      planFile: resolved.planFile,
      planBytes: readFileSync(resolved.planFile),
      config: config.loaded === undefined || config.bytes === undefined ? undefined : { file: config.loaded.filepath, bytes: config.bytes },
      settings: { inputFormat: resolved.inputFormat, options: resolved.options },
    });
    if (inputs !== manifest.inputs) return undefined;
    for (const file of manifest.files) {
      if (!isSafeOutputPath(file) || !untouched(outReal, file, manifest.outputs[file]!)) return undefined;
    }

    const out = displayPath(resolved.outDir, cwd);
    const files = countOf(manifest.files.length, 'file');
    const took = args.check ? '' : ` in ${Math.round(performance.now() - started)} ms`;
    (deps.stderr ?? ((text) => process.stderr.write(text)))(`plangen: ${out} is up to date (${files}; ${manifest.summary})${took}\n`);
    return 0;
  } catch {
    return undefined; // a missing file, an unreadable folder, a config that does not resolve: the full CLI says what
  }
}

/** A regular file, reached without a symbolic link below the output folder, with the recorded hash. */
function untouched(outReal: string, file: string, hash: string): boolean {
  const full = resolveOutputPath(outReal, file);
  return lstatSync(full).isFile() && realpathSync(full) === full && contentHash(readFileSync(full)) === hash;
}
