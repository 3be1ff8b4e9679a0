// Test-only preload (`node --import`): every fs.promises.rename announces itself
// on stderr, then waits before running, so a test can signal or kill plangen
// between two renames of a real commit. No hook in plangen itself.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const rename = fs.promises.rename;
fs.promises.rename = async (from, to) => {
  process.stderr.write(`slow-renames: ${from} -> ${to}\n`);
  await new Promise((resolve) => setTimeout(resolve, 250));
  return rename(from, to);
};
// `import * as fs from 'node:fs/promises'` in plangen sees the patched function.
syncBuiltinESMExports();
