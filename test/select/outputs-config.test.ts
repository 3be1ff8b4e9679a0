// The config's `outputs` and `module` (issue 19): each wrong key is located inside its output, and
// every output's options resolve from flags, the output, the config's top level, then the defaults;
// `module` defaults from the package.json nearest to the output folder.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../packages/cli/src/config/load-config.js';
import { nearestPackageType } from '../../packages/cli/src/config/package-type.js';
import { resolveOutputs } from '../../packages/cli/src/config/resolve-outputs.js';
import { validateConfig } from '../../packages/cli/src/config/validate-config.js';
import { javaScriptExtension } from '../../packages/cli/src/generate/options.js';
import { tempDir } from '../write/helpers.js';

const invalid = (config: unknown) => () => validateConfig(config, 'plangen.config.json');

describe('config outputs', () => {
  it.each([
    [{ outputs: [] }, 'plangen.config.json#/outputs: invalid plangen config: "outputs" must be a non-empty list of outputs, not an empty list. Write it like { "outputs": [{ "out": "src/analytics" }] }.'],
    [{ outputs: [{ client: 'analytics-node' }] }, 'plangen.config.json#/outputs/0: invalid plangen config: output 0 has no "out". Give each output its folder: { "out": "src/analytics" }.'],
    [{ outputs: [{ out: 'a' }, { out: 'b', dir: 'x' }] }, 'plangen.config.json#/outputs/1/dir: invalid plangen config: unknown key "dir" in output 1. Use only "out", "client", "mode", "language", "module", "include", "exclude".'],
    [{ outputs: [{ out: 'a', module: 'amd' }] }, 'plangen.config.json#/outputs/0/module: invalid plangen config: "module" of output 0 must be one of "esm", "cjs", not "amd". Write it like { "module": "cjs" }.'],
    [{ outputs: [{ out: 'a', include: { labels: 'platform:web' } }] }, 'plangen.config.json#/outputs/0/include/labels: invalid plangen config: "labels" in "include" of output 0 must be a list of labels, each "key:value" or a bare "key", not "platform:web". Write it like { "labels": ["platform:web"] }.'],
    [{ outputs: [{ out: 'a', exclude: { tags: ['x'] } }] }, 'plangen.config.json#/outputs/0/exclude/tags: invalid plangen config: unknown key "tags" in "exclude" of output 0. Use only "labels", "events".'],
    [{ outputs: [{ out: 'web/' }, { out: 'web' }] }, 'plangen.config.json#/outputs/1/out: invalid plangen config: outputs 0 and 1 both write to "web". Give each output a folder of its own.'],
    [{ out: 'src', outputs: [{ out: 'a' }] }, 'plangen.config.json#/out: invalid plangen config: "out" and "outputs" cannot both be given. Move "out" into the outputs list: { "outputs": [{ "out": "src/analytics" }] }.'],
  ])('rejects %j', (config, message) => {
    expect(invalid(config)).toThrow(message);
  });

  it('accepts the documented shape', () => {
    const config = { plan: 'plan.yaml', client: 'analytics-node', outputs: [{ out: 'web', client: 'analytics-next', include: { labels: ['platform:web'], events: ['Order *'] }, exclude: { events: ['Debug *'] } }, { out: 'all' }] };
    expect(validateConfig(config, 'plangen.config.json')).toBe(config);
  });
});

describe('resolveOutputs', () => {
  const loaded = (config: LoadedConfig['config'], dir = '/project'): LoadedConfig => ({ config, filepath: path.join(dir, 'plangen.config.json'), dir });

  it('each output: flags, then the output, then the config top level, then the defaults', () => {
    const resolved = resolveOutputs({ mode: 'production' }, loaded({ plan: 'plan.yaml', client: 'analytics-node', outputs: [{ out: 'a', client: 'generic', include: { labels: ['x'] } }, { out: 'b', language: 'ts' }] }), '/project/sub');
    expect(resolved.planFile).toBe('/project/plan.yaml');
    expect(resolved.outputs).toEqual([
      { outDir: '/project/a', options: { client: 'generic', mode: 'production', language: 'ts' }, selection: { include: { labels: ['x'] } }, source: { file: '/project/plangen.config.json', pointer: '/outputs/0' } },
      { outDir: '/project/b', options: { client: 'analytics-node', mode: 'production', language: 'ts' }, source: { file: '/project/plangen.config.json', pointer: '/outputs/1' } },
    ]);
  });

  it('the single-output config resolves as before: one output, no selection', () => {
    const resolved = resolveOutputs({}, loaded({ plan: 'plan.yaml', out: 'src/analytics' }), '/project');
    expect(resolved.outputs).toEqual([{ outDir: '/project/src/analytics', options: { client: 'analytics-next', mode: 'development', language: 'ts' } }]);
  });

  it('--module needs JavaScript output', () => {
    expect(() => resolveOutputs({ module: 'cjs' }, loaded({ plan: 'p', out: 'o' }), '/project')).toThrow('plangen: --module applies to JavaScript output only. Add --language js, or leave --module out');
  });

  it('module defaults from the nearest package.json type: cjs for commonjs or no type, esm for module or no package.json', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'cjs/src'), { recursive: true });
    await mkdir(path.join(root, 'esm/nested/deeper'), { recursive: true });
    await mkdir(path.join(root, 'untyped'), { recursive: true });
    await writeFile(path.join(root, 'cjs/package.json'), '{ "type": "commonjs" }');
    await writeFile(path.join(root, 'esm/package.json'), '{ "type": "module" }');
    await writeFile(path.join(root, 'untyped/package.json'), '{ "name": "x" }');
    expect(nearestPackageType(path.join(root, 'cjs/src/analytics'))).toBe('commonjs');
    expect(nearestPackageType(path.join(root, 'esm/nested/deeper/analytics'))).toBe('module');
    expect(nearestPackageType(path.join(root, 'untyped/analytics'))).toBe('commonjs');

    const config = loaded({ plan: 'p', language: 'js', outputs: [{ out: 'cjs/src/analytics' }, { out: 'esm/nested/deeper/analytics' }, { out: 'esm/legacy', module: 'cjs' }, { out: 'untyped/a' }] }, root);
    const options = resolveOutputs({}, config, root).outputs.map((output) => output.options);
    expect(options.map(({ module, packageType }) => [module, packageType])).toEqual([
      ['cjs', 'commonjs'],
      ['esm', 'module'],
      ['cjs', 'module'],
      ['cjs', 'commonjs'],
    ]);
    expect(options.map(javaScriptExtension)).toEqual([
      { code: '.js', declarations: '.d.ts' },
      { code: '.js', declarations: '.d.ts' },
      { code: '.cjs', declarations: '.d.cts' },
      { code: '.js', declarations: '.d.ts' },
    ]);
    expect(javaScriptExtension({ module: 'esm', packageType: 'commonjs' })).toEqual({ code: '.mjs', declarations: '.d.mts' });
    expect(javaScriptExtension({})).toEqual({ code: '.js', declarations: '.d.ts' });
  });
});
