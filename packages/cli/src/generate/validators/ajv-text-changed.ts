// The rewrites of ajv's standalone code (runtime-imports, hoist-schema-values, compact-error-pushes)
// read the text that the pinned ajv (packages/cli/package.json) writes. Each one checks that it found
// what it must find, and stops generation with this error when ajv writes something else, so a new
// ajv fails loudly in the tests instead of silently giving bigger or broken validators.
import { createRequire } from 'node:module';

/** `rewrite`: the module's name (`compact-error-pushes`); `finding`: what it found, as a sentence part. */
export function ajvTextChanged(rewrite: string, finding: string): Error {
  // Read here, not when the module loads: resolving ajv's package.json was ~2 ms of every worker's start-up.
  const ajvVersion = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;
  return new Error(
    `plangen internal error: the ${rewrite} rewrite ${finding} in the code of ajv ${ajvVersion}. ` +
      `ajv writes its validators differently than packages/cli/src/generate/validators/${rewrite}.ts expects: update the rewrite with the pinned ajv version.`,
  );
}
