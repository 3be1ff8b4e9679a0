#!/usr/bin/env node
// First, without any command-line library (src/fast-path/first-step.ts): the nothing-changed
// answer of an up-to-date `generate` or `generate --check` from the manifest's fingerprint; or,
// for a generate argument list it fully understands, the generate command alone, its
// validators' worker thread already starting; or, for anything else, the full command line.
import { firstStep, runGenerateBundle } from '../dist/bundle/fast-path.js';

const args = process.argv.slice(2);
const step = firstStep(args);
// The bundles (scripts/build-cli.mjs): a few files instead of hundreds of modules.
if (step.kind === 'answered') process.exitCode = step.exitCode;
else if (step.kind === 'generate') process.exitCode = await runGenerateBundle(step);
else process.exitCode = await (await import('../dist/bundle/cli.js')).main(args);
