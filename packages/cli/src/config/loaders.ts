// Loaders for executable config files. JS configs are imported under a fresh
// URL each time so `--watch` sees edits (Node caches modules by URL); a
// TypeScript config needs the `typescript` package, and says so if it is missing.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { defaultLoaders, type Loader } from 'cosmiconfig';
import { isCode, PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';

// Process-wide on purpose: it defeats Node's module cache, which is process-wide itself; it holds no config.
let generation = 0;

/** Returned for a module without a default export, which cosmiconfig would otherwise skip silently. */
export const NO_DEFAULT_EXPORT = Symbol('plangen: no default export');
const require = createRequire(import.meta.url);

export const loadJsFresh: Loader = async (filepath) => {
  // A CommonJS config is loaded through require's cache even when imported.
  delete require.cache[filepath];
  const url = pathToFileURL(filepath);
  url.search = `?plangen=${++generation}`;
  const module = (await import(url.href)) as { default?: unknown };
  return module.default ?? NO_DEFAULT_EXPORT;
};

export const loadTsClearly: Loader = async (filepath, content) => {
  try {
    return (await defaultLoaders['.ts'](filepath, content)) ?? NO_DEFAULT_EXPORT;
  } catch (error) {
    if (isMissingTypeScript(error)) {
      throw new PlanError(
        { file: displayPath(filepath) },
        'loading a TypeScript config needs the "typescript" package, which is not installed',
        'Install it (npm install --save-dev typescript), or use plangen.config.mjs or plangen.config.json',
      );
    }
    if (isMissingPlangen(error)) {
      throw new PlanError(
        { file: displayPath(filepath) },
        'the config imports "plangen", which is not installed in this project',
        'Install it (npm install --save-dev plangen), or write `import type { PlangenConfig } from \'plangen\'`, which needs no install',
      );
    }
    throw error;
  }
};

function isMissingPlangen(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return isCode(error, 'ERR_MODULE_NOT_FOUND') && /Cannot find package 'plangen'/.test(message);
}

export function isMissingTypeScript(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    /['"]typescript['"]/.test(message)
  );
}
