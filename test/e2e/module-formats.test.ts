// `--language js` for CommonJS and ESM apps (issue 19): an app made by `npm init -y` ("type":
// "commonjs") requires the SDK, an ESM app imports it, and both send through the real
// @segment/analytics-node to the local ingest server. `--module` defaults from the app's package.json;
// a `"type": "module"` app that asks for `--module cjs` gets .cjs/.d.cts, a CommonJS one asking for `esm` .mjs/.d.mts. The .d.ts files are checked
// by tsc against a TypeScript consumer of each kind. Needs `pnpm build` first.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from './ingest-server.js';
import { plangen, requireBuilt, root, run, runBin } from './workspace.js';

// Inside examples/node-app, so the apps resolve @segment/analytics-node and @plangen/core from its node_modules.
const nodeApp = path.join(root, 'examples/node-app');

interface App {
  readonly type: 'commonjs' | 'module';
  /** The module flag given, if any. */
  readonly module?: 'cjs' | 'esm';
  readonly main: string;
  readonly source: string;
  readonly files: readonly string[];
  /** A TypeScript consumer and its file name: wrong properties must not compile. */
  readonly check: { readonly file: string; readonly source: string };
}

const SEND = (load: string) => `${load}
const analytics = new Analytics({ writeKey: 'wk_module_app', host: process.env.INGEST_URL, maxRetries: 0 });
sdk.configure({ analytics, policy: 'throw' });
sdk.trackSignedUp({ userId: 'user_1', properties: { method: 'email' } });
sdk.trackOrderCompletedV1({ anonymousId: 'anon_1', properties: { order_id: 'legacy' } });
let caught = '';
try {
  sdk.trackSignedUp({ userId: 'user_1', properties: { method: 'fax' } });
} catch (error) {
  caught = error.name;
}
analytics.closeAndFlush().then(() => console.log(JSON.stringify({ caught })));
`;

const TYPED = (load: string) => `${load}
sdk.trackSignedUp({ userId: 'user_1', properties: { method: 'google' } });
// @ts-expect-error -- "fax" is not a method the plan allows
sdk.trackSignedUp({ userId: 'user_1', properties: { method: 'fax' } });
`;

const APPS: Record<string, App> = {
  'CommonJS app (npm init -y), require': {
    type: 'commonjs',
    main: 'main.js',
    source: SEND("const { Analytics } = require('@segment/analytics-node');\nconst sdk = require('./analytics');"),
    files: ['.plangen-manifest.json', 'index.d.ts', 'index.js', 'validators.d.ts', 'validators.js'],
    check: { file: 'check.ts', source: TYPED("import sdk = require('./analytics/index.js');") },
  },
  'ESM app, import': {
    type: 'module',
    main: 'main.js',
    source: SEND("import { Analytics } from '@segment/analytics-node';\nimport * as sdk from './analytics/index.js';"),
    files: ['.plangen-manifest.json', 'index.d.ts', 'index.js', 'validators.d.ts', 'validators.js'],
    check: { file: 'check.ts', source: TYPED("import * as sdk from './analytics/index.js';") },
  },
  'ESM package asking for --module cjs, require from a .cjs file': {
    type: 'module',
    module: 'cjs',
    main: 'main.cjs',
    source: SEND("const { Analytics } = require('@segment/analytics-node');\nconst sdk = require('./analytics/index.cjs');"),
    files: ['.plangen-manifest.json', 'index.cjs', 'index.d.cts', 'validators.cjs', 'validators.d.cts'],
    check: { file: 'check.cts', source: TYPED("import sdk = require('./analytics/index.cjs');") },
  },
  'CommonJS package asking for --module esm, import from a .mjs file': {
    type: 'commonjs',
    module: 'esm',
    main: 'main.mjs',
    source: SEND("import { Analytics } from '@segment/analytics-node';\nimport * as sdk from './analytics/index.mjs';"),
    files: ['.plangen-manifest.json', 'index.d.mts', 'index.mjs', 'validators.d.mts', 'validators.mjs'],
    check: { file: 'check.mts', source: TYPED("import * as sdk from './analytics/index.mjs';") },
  },
};

describe('--language js in CommonJS and ESM apps, with the real analytics-node', () => {
  let server: IngestServer;
  const made: string[] = [];
  beforeAll(async () => {
    requireBuilt();
    server = await startIngestServer();
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => server.clear());

  for (const [name, app] of Object.entries(APPS)) {
    it(`${name}: generates ${app.files.filter((file) => file.startsWith('index')).join(' + ')}, sends, and validates`, async () => {
      const dir = mkdtempSync(path.join(nodeApp, '.module-app-'));
      made.push(dir);
      writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'module-app', version: '1.0.0', type: app.type }, null, 2)}\n`);
      await plangen(['generate', '--plan', '../plan.yaml', '--out', 'analytics', '--client', 'analytics-node', '--language', 'js', ...(app.module ? ['--module', app.module] : [])], dir);
      expect(readdirSync(path.join(dir, 'analytics')).sort()).toEqual(app.files);

      writeFileSync(path.join(dir, app.main), app.source);
      const result = await run(process.execPath, [app.main], { cwd: dir, env: { ...process.env, INGEST_URL: server.url } });
      expect(JSON.parse(result.stdout)).toEqual({ caught: 'PlangenViolationError' });
      const tracks = server.ofType('track').map((track) => [track['event'], track['properties'], (track['context'] as { protocols?: unknown }).protocols]);
      expect(tracks).toEqual([
        ['Signed Up', { method: 'email' }, { event_version: 1 }],
        ['Order Completed', { order_id: 'legacy' }, { event_version: 1 }],
      ]);

      writeFileSync(path.join(dir, app.check.file), app.check.source);
      const tsconfig = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: [app.check.file] };
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      await runBin('tsc', ['-p', 'tsconfig.json'], { cwd: dir });
    });
  }
});
