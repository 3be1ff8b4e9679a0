// bin/plangen.js's first step: the nothing-changed answer, else the generate command run
// straight from the parsed arguments (cli/run-generate.ts), else the full CLI. A run through
// the direct path prints, writes and exits exactly as the same argument list through yargs
// (cli.ts main), with the load and generate stages replaced by fakes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { runGenerate } from '../../packages/cli/src/cli/run-generate.js';
import { firstStep, mayCompileValidators } from '../../packages/cli/src/fast-path/first-step.js';
import { parseGenerateArgs } from '../../packages/cli/src/fast-path/generate-args.js';
import { captureOutput, project, stripTime } from '../cli/helpers.js';

const parseArgs = (argv: string[]) => parseGenerateArgs(argv)!;

vi.mock('../../packages/cli/src/load/load-plan.js', async () => {
  const { fakeStages } = await import('../cli/fake-stages.js');
  return {
    loadPlan: fakeStages.loadPlan,
    loadPlanBytes: (bytes: Uint8Array, file: string, options: object) => fakeStages.loadPlan(file, { ...options, bytes }),
  };
});
vi.mock('../../packages/cli/src/generate/index.js', async () => {
  const { fakeStages } = await import('../cli/fake-stages.js');
  return { generate: (model: never, options: never, locator: never) => fakeStages.generate({ model, locator }, options) };
});

const plan = JSON.stringify({ name: 'Shop', events: { 'Order Completed': 2, 'Signed Up': 1 } });

/** Every file under `dir` with its text, the manifest's fingerprint left out (it names the build). */
async function filesIn(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files: Record<string, string> = {};
  for (const entry of names) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    files[file] = (await readFile(path.join(dir, file), 'utf8')).replace(/"inputs": "[0-9a-f]+"/, '"inputs": "..."');
  }
  return files;
}

/** The exit code, output and files of one argument list, run by `how` in a fresh project. */
async function outcome(argv: string[], how: 'direct' | 'yargs', files: Record<string, string>) {
  const dir = await project(files);
  const io = captureOutput();
  let code: number;
  if (how === 'yargs') code = await main(argv);
  else {
    const step = firstStep(argv, { cwd: dir });
    expect(step.kind).toBe('generate');
    code = step.kind === 'generate' ? await runGenerate(step.args, step.worker) : -1;
  }
  vi.restoreAllMocks();
  return { code, stdout: io.stdout(), stderr: stripTime(io.stderr()), files: await filesIn(dir) };
}

describe("the bin's first step", () => {
  it('loads the full CLI for anything but a generate argument list it fully understands', () => {
    for (const argv of [['--help'], ['--version', 'generate'], ['generate', '--version'], ['inspect', 'plan.json'], ['--chek'], ['--check', 'generate'], ['--mode', 'prod'], ['--cache=false']]) {
      expect([argv, firstStep(argv).kind]).toEqual([argv, 'cli']);
    }
  });

  it('answers `--version` alone as the full CLI does, without loading it', async () => {
    let said = '';
    expect(firstStep(['--version'], { stdout: (text) => (said += text) })).toEqual({ kind: 'answered', exitCode: 0 });
    captureOutput();
    // yargs prints the version with console.log: the text plus a line break.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['--version'])).toBe(0);
    expect(log.mock.calls.map(([text]) => `${String(text)}\n`)).toEqual([said]);
    expect(said).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });

  it('runs generate directly when nothing answers it: no manifest, --no-cache, --watch', async () => {
    const dir = await project({ 'plan.json': plan });
    for (const argv of [['--plan', 'plan.json', '--out', 'out'], ['generate', '--no-cache'], ['--watch', '--mode', 'production']]) {
      const step = firstStep(argv, { cwd: dir });
      // From the TypeScript sources there is no built worker file, so no thread is started.
      expect([argv, step]).toEqual([argv, { kind: 'generate', args: expect.anything(), worker: undefined }]);
    }
  });

  it('answers an up-to-date output itself, and hands --no-cache to the command', async () => {
    const dir = await project({ 'plan.json': plan });
    captureOutput();
    expect(await main(['--plan', 'plan.json', '--out', 'out'])).toBe(0);
    const identity = () => undefined; // an unknown build: never answered
    expect(firstStep(['--plan', 'plan.json', '--out', 'out'], { cwd: dir, identity }).kind).toBe('generate');
    const same = () => 'plangen@test build';
    // The manifest records the identity of the run that wrote it; regenerate under a fixed one to match.
    const { run } = await import('../../packages/cli/src/commands/generate.js');
    expect(await run({ plan: 'plan.json', out: 'out' }, { identity: same })).toBe(0);
    expect(firstStep(['--plan', 'plan.json', '--out', 'out'], { cwd: dir, identity: same, stderr: () => undefined })).toEqual({ kind: 'answered', exitCode: 0 });
    expect(firstStep(['--plan', 'plan.json', '--out', 'out', '--no-cache'], { cwd: dir, identity: same }).kind).toBe('generate');
  });

  it('starts the validators\' thread unless the generation is known to be production', async () => {
    const production = JSON.stringify({ plan: 'plan.json', out: 'out', mode: 'production' });
    const cases: [Record<string, string>, string[], boolean][] = [
      [{}, [], true],
      [{}, ['--mode', 'production'], false],
      [{ 'plangen.config.json': production }, [], false],
      [{ 'plangen.config.json': production }, ['--mode', 'development'], true],
      [{ 'plangen.config.json': JSON.stringify({ plan: 'plan.json', out: 'out' }) }, [], true],
      [{ 'cfg/prod.json': production }, ['--config', 'cfg/prod.json'], false],
      // Not read here: a YAML config, a config that does not parse.
      [{ 'plangen.config.yaml': 'plan: plan.json\nout: out\nmode: production\n' }, [], true],
      [{ 'plangen.config.json': '{ "mode": ' }, [], true],
    ];
    for (const [files, argv, expected] of cases) {
      const dir = await project({ 'plan.json': plan, ...files });
      expect([files, argv, mayCompileValidators(parseArgs(argv), dir)]).toEqual([files, argv, expected]);
    }
  });

  it('prints, writes and exits as yargs does for the same argument list', async () => {
    const config = { 'plangen.config.json': JSON.stringify({ plan: 'plan.json', out: 'gen' }) };
    for (const [argv, files] of [
      [['--no-cache'], { 'plan.json': plan, ...config }],
      [['generate', '--plan', 'plan.json', '--out', 'out', '--client', 'generic', '--language', 'js', '--module', 'cjs'], { 'plan.json': plan }],
      [['generate', '--plan', 'plan.json', '--out', 'out', '--check'], { 'plan.json': plan }],
      [['--plan', 'bad.json', '--out', 'out'], { 'bad.json': '{ "name": ' }],
      [['--check', '--watch'], { 'plan.json': plan, ...config }],
      [['--config', 'nowhere.json'], { 'plan.json': plan }],
      [['--language', 'ts', '--module', 'esm', '--plan', 'plan.json', '--out', 'out'], { 'plan.json': plan }],
    ] as const) {
      const direct = await outcome([...argv], 'direct', files);
      const viaYargs = await outcome([...argv], 'yargs', files);
      expect({ argv, ...direct }).toEqual({ argv, ...viaYargs });
    }
  });
});
