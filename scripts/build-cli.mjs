// Compiles the CLI and copies the templates and the plan-format schema into the
// package, so that a packed `plangen` carries everything it reads at run time.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const dir of ['dist', 'templates', 'schema']) rmSync(dir, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
cpSync('../../templates', 'templates', { recursive: true });
cpSync('../../schema', 'schema', { recursive: true });
