#!/usr/bin/env node
// First, without any command-line library (src/fast-path/first-step.ts): `--version`, and the
// nothing-changed answer of an up-to-date `generate` or `generate --check` from the manifest's
// fingerprint; or, for a generate argument list it fully understands, the generate command alone, its
// validators' worker thread already starting; or, for anything else, the full command line.
// CommonJS (bin/package.json), as its first bundle is: Node starts its ESM loader (~8 ms) only for the
// full command line, an ES module.
'use strict';
const { firstStep, runGenerateBundle } = require('../dist/bundle/fast-path.cjs');

async function run() {
  const args = process.argv.slice(2);
  const step = firstStep(args);
  // The bundles (scripts/build-cli.mjs): a few files instead of hundreds of modules.
  if (step.kind === 'cli') {
    process.exitCode = await (await import('../dist/bundle/cli.js')).main(args);
    return;
  }
  const exitCode = step.kind === 'answered' ? step.exitCode : await runGenerateBundle(step);
  // The generate command has finished: every file written and closed, the cache saved (synchronously), the validators'
  // threads done. Exiting now spares the ~5 ms of tearing down the heap and the threads; the output streams are
  // flushed first (pipes are asynchronous on some systems).
  for (const stream of [process.stdout, process.stderr]) await new Promise((resolve) => stream.write('', resolve));
  process.exit(exitCode);
}

void run();
