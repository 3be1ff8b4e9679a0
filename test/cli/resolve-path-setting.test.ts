// One resolver for the plan file and the output folder (config/resolve-path-setting.ts):
// the flag wins over the config, paths are relative to what they were written in, and
// `generate` and `validate` say the same thing when neither is given.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import type { LoadedConfig } from '../../packages/cli/src/config/load-config.js';
import { resolveOutDir, resolvePlanFile } from '../../packages/cli/src/config/resolve-path-setting.js';
import { captureOutput, project } from './helpers.js';

const cwd = path.resolve('/work/app');
const loaded = (config: LoadedConfig['config']): LoadedConfig => ({ config, filepath: path.join(cwd, 'conf/plangen.config.json'), dir: path.join(cwd, 'conf') });

describe('resolvePlanFile and resolveOutDir', () => {
  it('take the flag relative to the working directory, over the config', () => {
    expect(resolvePlanFile('plans/a.yaml', loaded({ plan: 'b.yaml' }), cwd)).toBe(path.join(cwd, 'plans/a.yaml'));
    expect(resolveOutDir('gen', loaded({ out: 'src/analytics' }), cwd)).toBe(path.join(cwd, 'gen'));
  });

  it("take the config's path relative to the config file", () => {
    expect(resolvePlanFile(undefined, loaded({ plan: 'b.yaml' }), cwd)).toBe(path.join(cwd, 'conf/b.yaml'));
    expect(resolveOutDir(undefined, loaded({ out: 'src/analytics' }), cwd)).toBe(path.join(cwd, 'conf/src/analytics'));
  });

  it('name the config file that lacks the key, or suggest plangen init when there is none', () => {
    expect(() => resolvePlanFile(undefined, loaded({ out: 'x' }), cwd)).toThrow(
      'conf/plangen.config.json: no tracking plan given. Pass --plan <file>, or set "plan" in conf/plangen.config.json.',
    );
    expect(() => resolveOutDir(undefined, loaded({ plan: 'x' }), cwd)).toThrow(
      'conf/plangen.config.json: no output folder given. Pass --out <folder>, or set "out" in conf/plangen.config.json.',
    );
    expect(() => resolvePlanFile(undefined, undefined, cwd)).toThrow(
      'plangen: no tracking plan given. Pass --plan <file>, or set "plan" in plangen.config.json (`plangen init` writes one).',
    );
  });
});

describe('a missing plan, resolved once', () => {
  it('generate and validate word a missing plan the same (they had two copies of the message that differed)', async () => {
    await project({ 'events.jsonl': '{}\n' });
    const io = captureOutput();
    expect(await main(['generate', '--out', 'out'])).toBe(1);
    expect(await main(['validate', 'events.jsonl'])).toBe(2);
    const [generate, validate] = io.stderr().split('\n');
    expect(generate).toBe('plangen: no tracking plan given. Pass --plan <file>, or set "plan" in plangen.config.json (`plangen init` writes one).');
    expect(validate).toBe(generate);
  });
});
