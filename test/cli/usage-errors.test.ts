// Usage errors through main(): one line with the usage hint, exit 1, and the
// command never runs. Each case runs in a project where the command, had it run,
// would succeed and write files, so "nothing written" can fail.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { STARTER_PLAN } from '../../packages/cli/src/config/starter-files.js';
import { captureOutput, project } from './helpers.js';

async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = await Promise.all(
    entries.map(async (entry) => (entry.isDirectory() ? listTree(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])),
  );
  return names.flat().sort();
}

const BEFORE = ['package.json', 'plan.yaml', 'plangen.config.json'];

/** Runs main in a ready project and checks the exit code, that stdout stays empty and that no file appears. */
async function usageFailure(argv: string[]): Promise<string> {
  const dir = await project({ 'plan.yaml': STARTER_PLAN, 'plangen.config.json': '{ "plan": "plan.yaml", "out": "gen" }\n' });
  const io = captureOutput();
  const code = await main(argv);
  expect(io.stdout()).toBe('');
  expect(await listTree(dir)).toEqual(BEFORE);
  expect(code).toBe(1);
  return io.stderr();
}

describe('usage errors run nothing and exit 1 with one line', () => {
  it('generate --chek (a misspelt flag) no longer generates, and suggests --check', async () => {
    expect(await usageFailure(['generate', '--chek'])).toBe(
      'plangen: unknown option --chek for `plangen generate`. Did you mean --check? Run `plangen generate --help` for usage.\n',
    );
  });

  it('--pln without a command no longer generates from the config, and suggests --plan', async () => {
    expect(await usageFailure(['--pln', 'plan.yaml'])).toBe(
      'plangen: unknown option --pln for `plangen generate`. Did you mean --plan? Run `plangen --help` for usage.\n',
    );
  });

  it('two unknown flags are named together, each with its suggestion', async () => {
    expect(await usageFailure(['generate', '--chek', '--pln', 'plan.yaml'])).toBe(
      'plangen: unknown options --chek, --pln for `plangen generate`. Did you mean --check for --chek, --plan for --pln? Run `plangen generate --help` for usage.\n',
    );
  });

  it('a kebab-case flag misspelt is named once, as typed, not also in camelCase', async () => {
    expect(await usageFailure(['generate', '--input-formatt', 'plangen'])).toBe(
      'plangen: unknown option --input-formatt for `plangen generate`. Did you mean --input-format? Run `plangen generate --help` for usage.\n',
    );
  });

  it('a flag in the wrong case is named as typed, with the right case suggested', async () => {
    expect(await usageFailure(['generate', '--Plan', 'plan.yaml'])).toBe(
      'plangen: unknown option --Plan for `plangen generate`. Did you mean --plan? Run `plangen generate --help` for usage.\n',
    );
  });

  it('a single-letter flag gets no suggestion (-h is one edit away from every letter)', async () => {
    expect(await usageFailure(['generate', '-x'])).toBe('plangen: unknown option -x for `plangen generate`. Run `plangen generate --help` for usage.\n');
  });

  it('a control character in an unknown flag is escaped, not printed raw', async () => {
    expect(await usageFailure(['generate', '--a\u0001b'])).toBe(
      'plangen: unknown option --a\\u0001b for `plangen generate`. Run `plangen generate --help` for usage.\n',
    );
  });

  it('--client segment (not a client) no longer generates', async () => {
    expect(await usageFailure(['generate', '--client', 'segment'])).toBe(
      'plangen: --client cannot be "segment": use one of "analytics-next", "analytics-node", "analytics-react-native", "generic". Run `plangen generate --help` for usage.\n',
    );
  });

  it('--mode prod no longer writes an SDK that imports a file it never wrote', async () => {
    expect(await usageFailure(['generate', '--mode', 'prod'])).toBe(
      'plangen: --mode cannot be "prod": use one of "development", "production". Run `plangen generate --help` for usage.\n',
    );
  });

  it('--language python no longer generates', async () => {
    expect(await usageFailure(['--language', 'python'])).toBe(
      'plangen: --language cannot be "python": use one of "ts", "js". Run `plangen --help` for usage.\n',
    );
  });

  it('inspect --format xml no longer prints the model', async () => {
    expect(await usageFailure(['inspect', 'plan.yaml', '--format', 'xml'])).toBe(
      'plangen: --format cannot be "xml": use one of "text", "json". Run `plangen inspect --help` for usage.\n',
    );
  });

  it('an unknown command no longer runs generate', async () => {
    expect(await usageFailure(['bogus'])).toBe('plangen: unknown command "bogus". Run `plangen --help` for usage.\n');
  });

  it('an unknown command with a line separator or a quote is escaped onto one line', async () => {
    expect(await usageFailure(['bo\u2028g"us'])).toBe('plangen: unknown command "bo\\u2028g\\"us". Run `plangen --help` for usage.\n');
  });

  it('a misspelt command suggests the command', async () => {
    expect(await usageFailure(['generat'])).toBe('plangen: unknown command "generat". Did you mean `plangen generate`? Run `plangen --help` for usage.\n');
  });

  it('an extra argument is refused, not ignored', async () => {
    expect(await usageFailure(['diff', 'plan.yaml', 'plan.yaml', 'plan.yaml'])).toBe(
      'plangen: unexpected argument "plan.yaml" for `plangen diff`. Run `plangen diff --help` for usage.\n',
    );
  });

  it('diff with one plan (missing positional) no longer crashes with a TypeError', async () => {
    expect(await usageFailure(['diff', 'plan.yaml'])).toBe(
      'plangen: missing argument <new>. Write it as plangen diff <old> <new>. Run `plangen diff --help` for usage.\n',
    );
  });

  it('inspect without a plan (missing positional) no longer crashes with a TypeError', async () => {
    expect(await usageFailure(['inspect'])).toBe(
      'plangen: missing argument <plan>. Write it as plangen inspect <plan>. Run `plangen inspect --help` for usage.\n',
    );
  });

  it('diff -- A B no longer crashes with a TypeError', async () => {
    expect(await usageFailure(['diff', '--', 'plan.yaml', 'plan.yaml'])).toBe(
      'plangen: arguments after "--" are not read. Give them before any "--": plangen diff <old> <new>. Run `plangen diff --help` for usage.\n',
    );
  });

  it('validate --plan p -- FILE no longer drops FILE and reads stdin instead', async () => {
    expect(await usageFailure(['validate', '--plan', 'plan.yaml', '--', 'events.jsonl'])).toBe(
      'plangen: arguments after "--" are not read. Give them before any "--": plangen validate [files..]. Run `plangen validate --help` for usage.\n',
    );
  });

  it('generate -- x is refused, not run with x dropped', async () => {
    expect(await usageFailure(['generate', '--', 'x'])).toBe(
      'plangen: unexpected argument "x" after "--" for `plangen generate`. Run `plangen generate --help` for usage.\n',
    );
  });

  it('--check=maybe is refused rather than read as false (which wrote the output)', async () => {
    expect(await usageFailure(['generate', '--check=maybe'])).toBe(
      'plangen: --check is true or false, not "maybe". Write --check, or --no-check. Run `plangen generate --help` for usage.\n',
    );
  });

  it('--plan given twice no longer crashes with a TypeError', async () => {
    expect(await usageFailure(['generate', '--plan', 'plan.yaml', '--plan', 'plan.yaml', '--out', 'gen'])).toBe(
      'plangen: --plan is given 2 times. Give it once. Run `plangen generate --help` for usage.\n',
    );
  });

  it('--format given twice is refused rather than read as neither', async () => {
    expect(await usageFailure(['inspect', 'plan.yaml', '--format', 'json', '--format', 'text'])).toBe(
      'plangen: --format is given 2 times. Give it once. Run `plangen inspect --help` for usage.\n',
    );
  });

  it.each([
    [['generate', '--out', ''], '--out', 'generate'],
    [['generate', '--out='], '--out', 'generate'],
    [['generate', '--out'], '--out', 'generate'],
    [['generate', '--plan', ''], '--plan', 'generate'],
    [['generate', '--config', ''], '--config', 'generate'],
    [['validate', '--plan', '', 'events.jsonl'], '--plan', 'validate'],
    [['lint', 'plan.yaml', '--config', ''], '--config', 'lint'],
    [['inspect', ''], '<plan>', 'inspect'],
    [['diff', 'plan.yaml', ''], '<new>', 'diff'],
  ])('an empty path (%j) is an error, not the working directory', async (argv, label, command) => {
    expect(await usageFailure(argv)).toBe(`plangen: ${label} is empty. Give it a value, or leave it out. Run \`plangen ${command} --help\` for usage.\n`);
  });
});

describe('--help and --version', () => {
  it('-h is --help', async () => {
    await project();
    captureOutput();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['-h'])).toBe(0);
    expect(log.mock.calls.join('\n')).toContain('plangen diff <old> <new>');
  });

  it('--help prints usage, runs nothing and exits 0 instead of ending the process', async () => {
    const dir = await project({ 'plan.yaml': STARTER_PLAN, 'plangen.config.json': '{ "plan": "plan.yaml", "out": "gen" }\n' });
    captureOutput();
    // yargs prints help with console.log.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['--help'])).toBe(0);
    expect(log.mock.calls.join('\n')).toContain('plangen diff <old> <new>');
    expect(await listTree(dir)).toEqual(BEFORE);
  });
});
