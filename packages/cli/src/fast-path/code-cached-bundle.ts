// Runs a script bundle of the CLI (dist/bundle/generate.cjs, scripts/build-cli.mjs) with
// V8's code cache: compiling its ~2 MB was the largest single cost of a cold generate
// (~95 ms of the main thread's ~300 ms), and Node 20 caches no compiled code itself
// (module.enableCompileCache came in 22). The build runs the bundle once on a typical plan
// and saves the compiled code, the functions compiled during that run included, beside it
// (recordCodeCache). A cache this V8 refuses (another Node version, other flags) or saved for
// other bytes of the bundle is ignored: the source then compiles as it would without one. V8
// checks only the source's length, so the cache starts with the SHA-256 of the source it was
// compiled from.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';

// Like Node's CommonJS wrapper, on the first line so line numbers hold; the bundle returns its exports
// (scripts/build-cli.mjs: an iife whose result it returns), and has no `module` or `exports` to probe.
// `plangenImport` stands for its import() (of a JavaScript config), which fails in a function that V8
// deserialized from its code cache (the build routes it: importThroughHost).
const WRAP_START = '(function (require, __filename, __dirname, plangenImport) { ';
const WRAP_END = '\n})';

export function codeCacheFile(bundle: string): string {
  return `${bundle}.v8cache`;
}

const HASH_BYTES = 32;

/** The `workerData` that makes a worker thread of code-cached-worker.ts record its code cache. */
export const RECORD_CODE_CACHE = 'plangen-record-code-cache';

/** The text V8 compiles for `bundle` (its code in the wrapper), and its SHA-256. */
export function wrappedSource(bundle: string): { source: string; hash: Buffer } {
  const bytes = readFileSync(bundle);
  // The bytes, not the string: hashing 2 MB of text first encodes it again (~5x the time).
  const hash = createHash('sha256').update(WRAP_START).update(bytes).update(WRAP_END).digest();
  return { source: `${WRAP_START}${bytes.toString('utf8')}${WRAP_END}`, hash };
}

function compile(bundle: string, source: string, cachedData: Buffer | undefined): vm.Script {
  return new vm.Script(source, {
    filename: bundle,
    ...(cachedData && { cachedData }),
  });
}

/** What the bundle's `require` is made of: the bundle's own require, or one that serves some modules otherwise. */
export type RequireFor = (bundleRequire: NodeJS.Require) => (id: string) => unknown;

function evaluate(script: vm.Script, bundle: string, requireFor: RequireFor = (bundleRequire) => bundleRequire): unknown {
  const importHere = (specifier: string): Promise<unknown> => import(specifier);
  return (script.runInThisContext() as (...args: unknown[]) => unknown)(requireFor(createRequire(bundle)), bundle, path.dirname(bundle), importHere);
}

/** V8's data saved for exactly this source, or undefined. */
function savedFor(bundle: string, hash: Buffer): Buffer | undefined {
  let saved: Buffer;
  try {
    saved = readFileSync(codeCacheFile(bundle));
  } catch {
    return undefined; // none saved: compile from source
  }
  return saved.length > HASH_BYTES && saved.subarray(0, HASH_BYTES).equals(hash) ? saved.subarray(HASH_BYTES) : undefined;
}

/** The bundle's exports; `cacheUsed`: whether V8 took the saved code (false without one). */
export function loadCodeCached(bundle: string): { exports: unknown; cacheUsed: boolean } {
  const { source, hash } = wrappedSource(bundle);
  const cachedData = savedFor(bundle, hash);
  const script = compile(bundle, source, cachedData);
  return { exports: evaluate(script, bundle), cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Loads the bundle without a cache, awaits `use` of its exports, then saves the code compiled so far. */
export async function recordCodeCache(bundle: string, use: (exports: unknown) => Promise<unknown>): Promise<void> {
  const { exports, save } = loadRecording(bundle);
  await use(exports);
  save();
}

/**
 * Loads the bundle without a cache; each `save` replaces the saved code with all V8 has compiled of it so far,
 * the functions run since included. For a bundle whose work ends in no call of ours (a worker thread's).
 */
export function loadRecording(bundle: string, requireFor?: RequireFor): { exports: unknown; save(): void } {
  const { source, hash } = wrappedSource(bundle);
  const script = compile(bundle, source, undefined);
  const file = codeCacheFile(bundle);
  const save = (): void => {
    // Written beside and renamed: a reader sees the old cache or the new one, never half of one.
    const temp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(temp, Buffer.concat([hash, script.createCachedData()]));
    renameSync(temp, file);
  };
  return { exports: evaluate(script, bundle, requireFor), save };
}
