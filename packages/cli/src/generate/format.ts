// The layout of every emitted index file: index.ts, or for `--language js` the
// index.js and index.d.ts the compiler derived from it (indented by four). Both go
// through lay-out-typescript.ts, which only re-indents, breaks long lines and drops
// extra blank lines: prettier did this until it was most of a cold generation's time.
// `cache` keeps laid-out pieces (lay-out-typescript.ts).
import { layOutTypeScript } from './lay-out-typescript.js';
import { NO_CACHE, type StageCache } from './stage-cache.js';

export async function formatTypeScript(source: string, cache: StageCache = NO_CACHE): Promise<string> {
  return layOutTypeScript(source, cache);
}

export async function formatJavaScript(source: string, cache: StageCache = NO_CACHE): Promise<string> {
  return layOutTypeScript(source, cache);
}
