import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/cli/src/config/load-config.js';
import { isMissingTypeScript } from '../../packages/cli/src/config/loaders.js';
import { resolveGenerateOptions } from '../../packages/cli/src/config/resolve-generate-options.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A temp project: a package.json stops discovery from climbing out of it. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-config-'));
  made.push(dir);
  await writeFile(path.join(dir, 'package.json'), '{ "name": "app" }\n');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const expected = { plan: 'plan.yaml', out: 'src/analytics', mode: 'production' };

describe('config discovery', () => {
  const kinds: [string, string][] = [
    ['plangen.config.json', JSON.stringify(expected)],
    ['plangen.config.yaml', 'plan: plan.yaml\nout: src/analytics\nmode: production\n'],
    ['plangen.config.yml', 'plan: plan.yaml\nout: src/analytics\nmode: production\n'],
    ['.plangenrc', JSON.stringify(expected)],
    ['.plangenrc.json', JSON.stringify(expected)],
    ['.plangenrc.yaml', 'plan: plan.yaml\nout: src/analytics\nmode: production\n'],
    ['plangen.config.mjs', `export default ${JSON.stringify(expected)};\n`],
    ['plangen.config.js', `export default ${JSON.stringify(expected)};\n`],
    ['plangen.config.cjs', `module.exports = ${JSON.stringify(expected)};\n`],
    [
      'plangen.config.ts',
      `import type { PlangenConfig } from 'plangen';\nconst config: PlangenConfig = { plan: 'plan.yaml', out: 'src/analytics', mode: 'production' as const };\nexport default config;\n`,
    ],
  ];
  it.each(kinds)('finds %s', async (name, content) => {
    const dir = await project({ [name]: content });
    // .js is ESM only where package.json says so
    if (name.endsWith('.js')) await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded).toEqual({ config: expected, filepath: path.join(dir, name), dir });
  });

  it('finds package.json#plangen', async () => {
    const dir = await project({});
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', plangen: expected }));
    expect((await loadConfig({ cwd: dir }))?.config).toEqual(expected);
  });

  it('searches up from a subfolder to the project root', async () => {
    const dir = await project({ 'plangen.config.json': JSON.stringify(expected), 'src/deep/.keep': '' });
    expect((await loadConfig({ cwd: path.join(dir, 'src', 'deep') }))?.filepath).toBe(path.join(dir, 'plangen.config.json'));
  });

  it('returns undefined when there is no config', async () => {
    expect(await loadConfig({ cwd: await project({}) })).toBeUndefined();
  });

  it('loads --config relative to the working directory, sees edits of a JS config', async () => {
    const dir = await project({ 'configs/custom.mjs': 'export default { out: "one" };\n' });
    expect((await loadConfig({ cwd: dir, file: 'configs/custom.mjs' }))?.config).toEqual({ out: 'one' });
    await writeFile(path.join(dir, 'configs/custom.mjs'), 'export default { out: "two" };\n');
    expect((await loadConfig({ cwd: dir, file: 'configs/custom.mjs' }))?.config).toEqual({ out: 'two' });
  });

  it('reports a missing --config file', async () => {
    const dir = await project({});
    await expect(loadConfig({ cwd: dir, file: 'nope.json' })).rejects.toThrow(
      'nope.json: config file not found. Check the --config path, or leave --config out to discover plangen.config.* from the working directory.',
    );
  });

  const invalid: [string, string, string][] = [
    [
      'plangen.config.json',
      '{ "mode": "prod" }',
      'plangen.config.json#/mode: invalid plangen config: "mode" must be one of "development", "production", not "prod". Write it like { "mode": "production" }.',
    ],
    [
      'plangen.config.json',
      '{ "outDir": "x" }',
      'plangen.config.json#/outDir: invalid plangen config: unknown key "outDir". Use only "plan", "out", "client", "mode", "language", "module", "outputs", "inputFormat", "lint", "acceptedPatterns", "audit", "trackingPlan", "apiUrl", "docs".',
    ],
    [
      'plangen.config.yaml',
      'client: segment\n',
      'plangen.config.yaml#/client: invalid plangen config: "client" must be one of "analytics-next", "analytics-node", "analytics-react-native", "generic", not "segment". Write it like { "client": "analytics-next" }.',
    ],
    [
      '.plangenrc.json',
      '{ "lint": ["naming"] }',
      '.plangenrc.json#/lint: invalid plangen config: "lint" must be an object of rule name to "off", "warn" or "error", not an array. Write it like { "lint": { "<rule name>": "warn" } }.',
    ],
    [
      'plangen.config.json',
      '{ "plan": 3 }',
      'plangen.config.json#/plan: invalid plangen config: "plan" must be a path to the tracking plan, relative to the config file, not 3. Write it like { "plan": "plan.yaml" }.',
    ],
    [
      'plangen.config.json',
      '["plan.yaml"]',
      'plangen.config.json: invalid plangen config: it must be an object, not an array. Write it like { "plan": "plan.yaml", "out": "src/analytics" }.',
    ],
    [
      'plangen.config.mjs',
      'export const config = {};\n',
      'plangen.config.mjs: the config file is empty or has no default export. Write it like { "plan": "plan.yaml", "out": "src/analytics" }, or in JS/TS: export default defineConfig({ ... }).',
    ],
  ];
  it.each(invalid)('rejects %s with %s', async (name, content, message) => {
    const dir = await project({ [name]: content });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(message);
  });

  it('points into package.json#plangen', async () => {
    const dir = await project({});
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ plangen: { language: 'python' } }));
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(
      'package.json#/plangen/language: invalid plangen config: "language" must be one of "ts", "js", not "python". Write it like { "language": "ts" }.',
    );
  });

  it('reports a JSON syntax error as a config problem', async () => {
    const dir = await project({ 'plangen.config.json': '{ "plan": ' });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/^plangen\.config\.json: cannot load the config: /);
  });

  it('explains a TypeScript config importing an uninstalled plangen', async () => {
    const dir = await project({ 'plangen.config.ts': "import { defineConfig } from 'plangen';\nexport default defineConfig({ out: 'x' });\n" });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await expect(loadConfig({ cwd: dir })).rejects.toThrow(
        "plangen.config.ts: the config imports \"plangen\", which is not installed in this project. Install it (npm install --save-dev plangen), or write `import type { PlangenConfig } from 'plangen'`, which needs no install.",
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('recognises a missing typescript package', () => {
    expect(isMissingTypeScript(Object.assign(new Error("Cannot find package 'typescript' imported from x"), { code: 'ERR_MODULE_NOT_FOUND' }))).toBe(true);
    expect(isMissingTypeScript(Object.assign(new Error("Cannot find package 'yaml'"), { code: 'ERR_MODULE_NOT_FOUND' }))).toBe(false);
  });
});

describe('resolveGenerateOptions', () => {
  const loaded = {
    config: { plan: 'plans/plan.yaml', out: 'gen', client: 'generic', mode: 'production', inputFormat: 'segment-public-api' } as const,
    filepath: '/project/plangen.config.json',
    dir: '/project',
  };

  it('takes config values relative to the config file, then defaults', () => {
    expect(resolveGenerateOptions({}, loaded, '/project/sub')).toEqual({
      planFile: '/project/plans/plan.yaml',
      outDir: '/project/gen',
      inputFormat: 'segment-public-api',
      options: { client: 'generic', mode: 'production', language: 'ts' },
      configFile: '/project/plangen.config.json',
    });
  });

  it('lets flags win, relative to the working directory', () => {
    expect(
      resolveGenerateOptions({ plan: 'p.json', out: 'o', client: 'analytics-node', mode: 'development', language: 'js', inputFormat: 'plangen' }, loaded, '/project/sub'),
    ).toEqual({
      planFile: '/project/sub/p.json',
      outDir: '/project/sub/o',
      inputFormat: 'plangen',
      // No package.json above /project/sub/o: ES modules, with plain .js names.
      options: { client: 'analytics-node', mode: 'development', language: 'js', module: 'esm' },
      configFile: '/project/plangen.config.json',
    });
  });

  it('requires a plan and an output folder', () => {
    expect(() => resolveGenerateOptions({ out: 'o' }, undefined, '/w')).toThrow(
      'plangen: no tracking plan given. Pass --plan <file>, or set "plan" in plangen.config.json (`plangen init` writes one).',
    );
    expect(() => resolveGenerateOptions({}, { ...loaded, config: { plan: 'p.yaml' } }, '/project')).toThrow(
      'plangen.config.json: no output folder given. Pass --out <folder>, or set "out" in plangen.config.json.',
    );
  });
});

describe('config discovery stops at the project root', () => {
  /** A config in a shared parent folder that, if loaded, writes a marker file beside itself. */
  async function plantedParent(): Promise<{ parent: string; marker: string }> {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'plangen-shared-'));
    made.push(parent);
    const marker = path.join(parent, 'config-ran');
    await writeFile(
      path.join(parent, 'plangen.config.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default { plan: 'plan.yaml', out: 'gen' };\n`,
    );
    return { parent, marker };
  }

  it('never runs a plangen.config.mjs above the working directory when no package.json or .git is above (it used to climb to /)', async () => {
    const { parent, marker } = await plantedParent();
    // Precondition: the folders above the temp folder are not a project, or this case would test nothing.
    for (let dir = parent; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      expect([existsSync(path.join(path.dirname(dir), 'package.json')), existsSync(path.join(path.dirname(dir), '.git'))]).toEqual([false, false]);
    }
    const cwd = path.join(parent, 'work');
    await mkdir(cwd);
    expect(await loadConfig({ cwd })).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('with neither package.json nor .git, still finds a config in the working directory itself', async () => {
    const { parent } = await plantedParent();
    const cwd = path.join(parent, 'work');
    await mkdir(cwd);
    await writeFile(path.join(cwd, 'plangen.config.json'), JSON.stringify(expected));
    expect((await loadConfig({ cwd }))?.filepath).toBe(path.join(cwd, 'plangen.config.json'));
  });

  it('stops at a package.json: a config above the project is not run', async () => {
    const { parent, marker } = await plantedParent();
    const cwd = path.join(parent, 'app', 'src');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(parent, 'app', 'package.json'), '{ "name": "app" }\n');
    expect(await loadConfig({ cwd })).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('stops at a .git folder (a repository without package.json), and finds the config at that root', async () => {
    const { parent, marker } = await plantedParent();
    const root = path.join(parent, 'repo');
    const cwd = path.join(root, 'tracking', 'plans');
    await mkdir(cwd, { recursive: true });
    await mkdir(path.join(root, '.git'));
    expect(await loadConfig({ cwd })).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
    await writeFile(path.join(root, '.plangenrc.yaml'), 'plan: plan.yaml\nout: src/analytics\nmode: production\n');
    expect(await loadConfig({ cwd })).toEqual({ config: expected, filepath: path.join(root, '.plangenrc.yaml'), dir: root });
    expect(existsSync(marker)).toBe(false);
  });

  it('stops at a .git file (a worktree or submodule)', async () => {
    const { parent, marker } = await plantedParent();
    const cwd = path.join(parent, 'worktree', 'sub');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(parent, 'worktree', '.git'), 'gitdir: /elsewhere\n');
    expect(await loadConfig({ cwd })).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });
});
