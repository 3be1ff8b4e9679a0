// A production SDK must ship only what a non-validating wrapper needs. Bundle tiny apps against the
// core sources with esbuild (minified, tree-shaken) and look at what was kept: structure, not sizes.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SOURCE = (file: string): string => fileURLToPath(new URL(`../../packages/core/src/${file}`, import.meta.url));
// The entry points by audience, as bundlers resolve them through the package's exports.
const ENTRIES = {
  '@plangen/core': SOURCE('index.ts'),
  '@plangen/core/runtime': SOURCE('runtime.ts'),
  '@plangen/core/internal': SOURCE('internal.ts'),
};

// Sentences that exist only on the validation path: messages, the violation report, the policy's error.
const VALIDATION_ONLY = ['must match pattern', 'the tracking plan:', 'is not allowed by the plan', 'PlangenViolationError'];
// What every wrapper needs: the event version, the not-configured error and configure()'s checks.
const ALWAYS = ['event_version', 'call configure({ analytics }) before', 'PlangenNotConfiguredError', 'onViolation must be a function'];
// Only the runtime sends: the client checks and the version injection.
const RUNTIME_ONLY = ['event_version', 'call configure({ analytics }) before', 'onViolation must be a function'];

/** `core` in `entry` is `@plangen/core/runtime`, what generated code imports. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    alias: ENTRIES,
    stdin: { contents: `import * as core from '@plangen/core/runtime';\n${entry}`, loader: 'js', resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    treeShaking: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const SPEC = "{ event: 'Order Completed', version: 2 }";

describe('what a bundle of one wrapper keeps', () => {
  it('a production browser runtime has no validation path', async () => {
    const bundled = await bundle(`const runtime = core.createBrowserRuntime({ mode: 'production' });\nruntime.track(${SPEC}, window.props);`);
    for (const text of ALWAYS) expect(bundled).toContain(text);
    for (const text of VALIDATION_ONLY) expect(bundled).not.toContain(text);
  });

  it('a production Node runtime has no validation path', async () => {
    const bundled = await bundle(`const runtime = core.createNodeRuntime({ mode: 'production' });\nruntime.track(${SPEC}, { userId: 'u', properties: {} });`);
    for (const text of ALWAYS) expect(bundled).toContain(text);
    for (const text of VALIDATION_ONLY) expect(bundled).not.toContain(text);
  });

  it('a development runtime given createValidation() keeps the validation path', async () => {
    const bundled = await bundle(
      `const runtime = core.createBrowserRuntime({ validation: core.createValidation() });\nruntime.track(${SPEC}, window.props);`,
    );
    for (const text of [...ALWAYS, ...VALIDATION_ONLY]) expect(bundled).toContain(text);
  });

  it('an app that imports only @plangen/core (the errors it catches) carries no runtime', async () => {
    const bundled = await bundle(`import { PlangenViolationError, PlangenNotConfiguredError } from '@plangen/core';\nwindow.check = (error) => error instanceof PlangenViolationError || error instanceof PlangenNotConfiguredError;`);
    expect(bundled).toContain('PlangenViolationError');
    for (const text of RUNTIME_ONLY) expect(bundled).not.toContain(text);
  });
});

// The generated SDKs of the shop fixture (the goldens), one wrapper imported, as an app would.
const SHOP = fileURLToPath(new URL('../../fixtures/shop/generated/', import.meta.url));

describe('what an app keeps of a generated SDK', () => {
  it('production: the wrapper, without the validation path', async () => {
    const bundled = await bundle(
      `import { trackOrderCompleted } from '${SHOP}analytics-next-production/index.ts';\ntrackOrderCompleted(window.props);`,
    );
    for (const text of ALWAYS) expect(bundled).toContain(text);
    for (const text of VALIDATION_ONLY) expect(bundled).not.toContain(text);
    expect(bundled).toContain('Order Completed');
  });

  it('development: the wrapper with its validator and the validation path', async () => {
    const bundled = await bundle(`import { trackOrderCompleted } from '${SHOP}analytics-next/index.ts';\ntrackOrderCompleted(window.props);`);
    for (const text of [...ALWAYS, ...VALIDATION_ONLY]) expect(bundled).toContain(text);
    expect(bundled).toContain('/^ord_[a-z0-9]+$/u');
    // Other events' specs and validators (Coupon Applied's code pattern) stay out.
    expect(bundled).not.toContain('Checkout Started');
    expect(bundled).not.toContain('A-Z0-9]{4,12}');
  });
});
