// Builds @plangen/core as ESM and CJS with declarations for both, so that
// `import` and `require` consumers each get code and types of their own kind.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
execFileSync(
  process.execPath,
  [tsc, '-p', 'tsconfig.json', '--module', 'CommonJS', '--moduleResolution', 'Node10', '--verbatimModuleSyntax', 'false', '--outDir', 'dist/cjs'],
  { stdio: 'inherit' },
);
writeFileSync('dist/cjs/package.json', '{ "type": "commonjs" }\n');
