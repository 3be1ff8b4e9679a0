// App type-check benchmark: what a generated SDK costs every `tsc` run (and the
// editor) of the app that uses it. For each SDK, an app calls one wrapper with
// the event's properties; `tsc --noEmit` (strict, bundler resolution, skipLibCheck)
// checks it in a cold child process, three times. The analytics client's own
// types are the same small stub for every SDK, so only the SDK's files count.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { measureNode, median } from './lib/measure.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// Typewriter's segment.ts imports these types from @segment/analytics-next, which the bench does not install.
const ANALYTICS_NEXT_STUB = `declare module '@segment/analytics-next' {
  export type AnalyticsSnippet = any;
  export type Analytics = any;
  export type AnalyticsBrowser = any;
  export type Options = any;
}
`;

/**
 * `sdks`: [{ name, dir, entry, imports: [configure name, wrapper name], configure: source, cast? }]; `cast`
 * passes the properties `as never`, for an SDK whose types plain JSON cannot satisfy.
 * Returns [{ name, sdkBytes, wallMs, cpuMs, runs }] in the same order; rejects when an app does not type-check.
 */
export async function benchTypecheck({ workDir, coreTypes, sdks, payload, runs = 3, netLog }) {
  const results = [];
  for (const sdk of sdks) {
    const app = join(workDir, 'typecheck', sdk.name.replace(/[^a-z0-9]+/gi, '-'));
    mkdirSync(app, { recursive: true });
    const from = relative(app, join(sdk.dir, sdk.entry)).split('\\').join('/');
    const [configure, wrapper] = sdk.imports;
    const argument = `${JSON.stringify(payload)}${sdk.cast ? ' as never' : ''}`;
    writeFileSync(join(app, 'app.ts'), [`import { ${configure}, ${wrapper} } from '${from}';`, sdk.configure, `${wrapper}(${argument});`, ''].join('\n'));
    writeFileSync(join(app, 'analytics-next.d.ts'), ANALYTICS_NEXT_STUB);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM'],
          noEmit: true,
          skipLibCheck: true,
          types: [],
          paths: { '@plangen/core/runtime': [coreTypes] },
        },
        files: ['app.ts', 'analytics-next.d.ts'],
      }),
    );
    const samples = [];
    for (let run = 0; run < runs; run += 1) samples.push(await measureNode(tsc, ['-p', app], { cwd: app, netLog }));
    results.push({
      name: sdk.name,
      sdkBytes: sourceBytes(sdk.dir),
      wallMs: median(samples.map((sample) => sample.wallMs)),
      cpuMs: median(samples.map((sample) => sample.cpuMs)),
      runs,
    });
  }
  return results;
}

/** Bytes of the SDK files tsc reads: TypeScript sources and declarations, not JavaScript beside a declaration. */
function sourceBytes(dir) {
  return readdirSync(dir)
    .filter((name) => /\.ts$/.test(name))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}
