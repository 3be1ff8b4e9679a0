// A production SDK must ship only what a non-validating wrapper needs. Bundle tiny apps against the
// core sources with esbuild (minified, tree-shaken) and look at what was kept: structure, not sizes.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));

// Sentences that exist only on the validation path: messages, the violation report, the policy's error.
const VALIDATION_ONLY = ['must match pattern', 'the tracking plan:', 'is not allowed by the plan', 'PlangenViolationError'];
// What every wrapper needs: the event version, the not-configured error and configure()'s checks.
const ALWAYS = ['event_version', 'call configure({ analytics }) before', 'PlangenNotConfiguredError', 'onViolation must be a function'];

async function bundle(entry: string): Promise<string> {
  const result = await build({
    alias: { '@plangen/core': CORE },
    stdin: { contents: `import * as core from '${CORE}';\n${entry}`, loader: 'js', resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
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
  it('a lean production browser runtime has no validation path', async () => {
    const bundled = await bundle(
      `const runtime = core.createLeanBrowserRuntime({ mode: 'production' });\nruntime.track(${SPEC}, window.props);`,
    );
    for (const text of ALWAYS) expect(bundled).toContain(text);
    for (const text of VALIDATION_ONLY) expect(bundled).not.toContain(text);
  });

  it('a lean production Node runtime has no validation path', async () => {
    const bundled = await bundle(
      `const runtime = core.createLeanNodeRuntime({ mode: 'production' });\nruntime.track(${SPEC}, { userId: 'u', properties: {} });`,
    );
    for (const text of ALWAYS) expect(bundled).toContain(text);
    for (const text of VALIDATION_ONLY) expect(bundled).not.toContain(text);
  });

  it('a development runtime given createValidation() keeps the validation path', async () => {
    const bundled = await bundle(
      `const runtime = core.createLeanBrowserRuntime({ validation: core.createValidation() });\nruntime.track(${SPEC}, window.props);`,
    );
    for (const text of [...ALWAYS, ...VALIDATION_ONLY]) expect(bundled).toContain(text);
  });

  it('createBrowserRuntime keeps validation built in, as SDKs generated before the lean runtime expect', async () => {
    const bundled = await bundle(`core.createBrowserRuntime({ mode: 'development' }).track(${SPEC}, window.props);`);
    for (const text of [...ALWAYS, ...VALIDATION_ONLY]) expect(bundled).toContain(text);
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
