#!/usr/bin/env node
// First the nothing-changed fast path (src/fast-path/): it answers an up-to-date `generate` or
// `generate --check` from the manifest's fingerprint alone, or hands over (undefined).
import { runFastPath } from '../dist/bundle/fast-path.js';

const args = process.argv.slice(2);
const answered = runFastPath(args);
// Then the bundled command line (scripts/build-cli.mjs): a few files instead of hundreds of modules.
if (answered !== undefined) process.exitCode = answered;
else process.exitCode = await (await import('../dist/bundle/cli.js')).main(args);
