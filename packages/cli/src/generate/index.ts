// The generate stage: model + options -> files of the SDK, in memory. Pure: it
// never touches the file system (only the CLI writes), and the same input
// always gives byte-identical output.
import { NO_LOCATOR, type Locator } from '../model/locator.js';
import type { PlanModel } from '../model/types.js';
import { validatorEntries } from '../model/validator-entries.js';
import { formatJavaScript, formatTypeScript } from './format.js';
import { knownKeys } from './known-keys.js';
import { javaScriptExtension, type GeneratedFile, type GenerateOptions } from './options.js';
import { refuseCatastrophicPatterns } from './refuse-catastrophic-patterns.js';
import { renderSdk } from './rendered-sdk.js';
import { compileValidatorsOnce, type SharedCompilations } from './shared-validators.js';
import { NO_CACHE, type StageCache } from './stage-cache.js';
import { typeEntries } from './type-entries.js';
import { headerComment, reservedTypeNames } from './view-model.js';

export type { GeneratedFile, GenerateOptions } from './options.js';

/** `locator` (from `loadPlan`) places a refused pattern at `file:line:col`; without it the error names `file#pointer`. */
/** `shared`: a run generating several outputs passes one, so equal validators compile once (shared-validators.ts). */
/** `cache`: parts of the validators and the types are taken from it when their input was generated before (stage-cache.ts). */
export async function generate(
  model: PlanModel,
  options: GenerateOptions,
  locator: Locator = NO_LOCATOR,
  shared?: SharedCompilations,
  cache: StageCache = NO_CACHE,
): Promise<GeneratedFile[]> {
  // Started first: they compile on another thread while the patterns are searched and the types emitted
  // (production builds never load ajv). Compiling a pattern only constructs its RegExp, never runs it.
  const stop = new AbortController();
  const compileOptions = { language: options.language, ...(options.module && { module: options.module }) };
  const entries = options.mode === 'development' ? validatorEntries(model) : undefined;
  // The cache keeps their batches, not the whole module (nor the whole types block): keying a whole part means
  // serializing and hashing megabytes of input, and storing it megabytes of output, on every run after a change,
  // which such a key always misses; an unchanged plan is the fast path's (fast-path/), and its parts all hit.
  const validators = entries && compileValidatorsOnce(entries, compileOptions, shared, stop.signal, cache);
  validators?.catch(() => undefined); // when the types fail first, that error is the one reported
  // The compilation hands its batches to the worker threads at its first await: let it, before the synchronous
  // type work, which the workers would otherwise wait out idle (500 events: ~0.3 s).
  if (validators) await new Promise<void>((resolve) => setImmediate(resolve));
  let files: GeneratedFile[];
  try {
    refuseUnsafePatterns(model, locator, options, cache);
    files = await indexFiles(model, options, cache);
  } catch (error) {
    stop.abort(); // a failed generation neither waits for its validators nor leaves them compiling
    throw error;
  }

  if (validators) {
    const { code, declarations } = await validators;
    if (options.language === 'js') {
      const extension = javaScriptExtension(options);
      files.push({ path: `validators${extension.code}`, content: code });
      if (declarations !== undefined) files.push({ path: `validators${extension.declarations}`, content: declarations });
    } else {
      files.push({ path: 'validators.ts', content: code });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Only the schemas whose text changed since an earlier run are searched for patterns again. */
function refuseUnsafePatterns(model: PlanModel, locator: Locator, options: GenerateOptions, cache: StageCache): void {
  const knownSafe = knownKeys(cache, 'pattern-safe-schemas', { plan: model.file });
  refuseCatastrophicPatterns(model, locator, options.acceptedPatterns, knownSafe);
  knownSafe?.save();
}

/** `index.ts`, or `index.js` + `index.d.ts` (`.cjs`/`.d.cts`, `.mjs`/`.d.mts`: javaScriptExtension): the types and wrappers. */
async function indexFiles(model: PlanModel, options: GenerateOptions, cache: StageCache): Promise<GeneratedFile[]> {
  const entries = typeEntries(model);
  const reserved = reservedTypeNames(model);
  // Loaded here, after the validators' batches went to the worker: json-schema-to-typescript and lodash take
  // ~12 ms to load, which the worker, waiting for its batches, would otherwise wait out too.
  const { emitTypes } = await import('./emit-types.js');
  const types = await emitTypes(entries, reserved, cache);
  const index = await formatTypeScript(renderSdk(model, options, types, cache), cache);
  if (options.language === 'ts') return [{ path: 'index.ts', content: index }];
  const { toJavaScript } = await import('./to-javascript.js');
  const { code, declarations } = toJavaScript(index, headerComment(model), options.module ?? 'esm');
  const extension = javaScriptExtension(options);
  return [
    // CommonJS as TypeScript's emitter prints it (from the laid-out source): the layout step is for ES module text.
    { path: `index${extension.code}`, content: options.module === 'cjs' ? code : await formatJavaScript(code, cache) },
    { path: `index${extension.declarations}`, content: await formatTypeScript(declarations, cache) },
  ];
}
