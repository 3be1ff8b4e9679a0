// bin/plangen.js runs the generate command straight from parseGenerateArgs' result when it
// understands the argument list, and hands every other list to yargs (cli.ts). The two must
// agree: for every list the direct path takes, yargs runs generate with the same arguments
// and reports no usage error. The lists are built from yargs' own option definitions
// (cli.ts COMMANDS and GLOBAL_OPTIONS), so a flag added there without the direct path
// understanding it fails here.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, GLOBAL_OPTIONS, main } from '../../packages/cli/src/cli.js';
import { parseGenerateArgs } from '../../packages/cli/src/fast-path/generate-args.js';

const runs = vi.hoisted(() => [] as unknown[]);
vi.mock('../../packages/cli/src/commands/generate.js', () => ({
  run: async (args: unknown) => {
    runs.push(args);
    return 0;
  },
}));

type Options = (typeof GLOBAL_OPTIONS)[string];

const generate = COMMANDS.find((command) => command.name === 'generate')!;
const OPTIONS: Readonly<Record<string, Options>> = { ...GLOBAL_OPTIONS, ...generate.options };
/** What the generate command reads of the arguments yargs hands it (commands/generate.ts GenerateArgs). */
const ARGUMENT_KEYS = ['plan', 'out', 'client', 'mode', 'language', 'module', 'inputFormat', 'config', 'check', 'watch', 'cache'];

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** What yargs hands generate for `argv` (as the command reads it), or its usage error. */
async function throughYargs(argv: readonly string[]): Promise<{ args?: Record<string, unknown>; code: number; stderr: string }> {
  runs.length = 0;
  const stderr: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      if (stream === process.stderr) stderr.push(String(chunk));
      return true;
    }),
  );
  try {
    const code = await main(argv);
    expect(runs.length).toBeLessThanOrEqual(1);
    const given = runs[0] as Record<string, unknown> | undefined;
    const args = given && Object.fromEntries(ARGUMENT_KEYS.filter((key) => given[key] !== undefined).map((key) => [key, given[key]]));
    return { ...(args && { args }), code, stderr: stderr.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** One option as typed: its flag and, for a value flag, the value (a choice, or a plain word). */
function typedOption(name: string, option: Options): fc.Arbitrary<string[]> {
  if (option.type === 'boolean') return fc.constantFrom([`--${name}`], [`--no-${name}`]);
  const values = option.choices ? fc.constantFrom(...(option.choices as string[])) : fc.stringMatching(/^[a-z][a-z0-9./_-]{0,12}$/);
  return values.chain((value) => fc.constantFrom([`--${name}`, value], [`--${name}=${value}`]));
}

/** Each option at most once, in any order, after `generate` or no command. */
const understoodArgv = fc
  .tuple(
    fc.subarray(Object.entries(OPTIONS)).chain((chosen) => fc.tuple(...chosen.map(([name, option]) => typedOption(name, option)))),
    fc.boolean(),
  )
  .chain(([options, named]) =>
    fc.shuffledSubarray(options, { minLength: options.length, maxLength: options.length }).map((shuffled) => [...(named ? ['generate'] : []), ...shuffled.flat()]),
  );

/** Anything: the words above, and the ones yargs refuses or reads its own way. */
const WORDS = [
  ...Object.keys(OPTIONS).flatMap((name) => [`--${name}`, `--no-${name}`, `--${name}=`, `--${name}=false`, `--${camel(name)}`]),
  'generate', 'inspect', 'extra', '--', '-h', '--help', '--version', '--chek', '-x', '', 'true', 'false', 'plan.json', 'out',
  'analytics-next', 'production', 'bogus', 'js', 'cjs', 'plangen', '--plan=a.json', '--mode=development', '--out=-', '-', '0123', '1e3', '--plan=0x10',
];
const anyArgv = fc.array(fc.constantFrom(...WORDS), { maxLength: 7 });

describe('the generate arguments without yargs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('understands every option yargs defines for generate, each flag and each choice', () => {
    for (const [name, option] of Object.entries(OPTIONS)) {
      const lists =
        option.type === 'boolean'
          ? [[`--${name}`], [`--no-${name}`]]
          : ((option.choices as string[] | undefined) ?? ['some/value']).map((value) => ['generate', `--${name}`, value]);
      for (const argv of lists) expect([argv, parseGenerateArgs(argv)]).not.toEqual([argv, undefined]);
    }
  });

  it('gives the generate command what yargs gives it, for every list of options it understands', async () => {
    await fc.assert(
      fc.asyncProperty(understoodArgv, async (argv) => {
        const direct = parseGenerateArgs(argv);
        expect(direct).toBeDefined();
        const viaYargs = await throughYargs(argv);
        expect({ argv, ...viaYargs }).toEqual({ argv, args: direct, code: 0, stderr: '' });
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('takes only lists yargs runs generate for; every other list (usage errors included) goes to yargs', async () => {
    let understood = 0;
    await fc.assert(
      fc.asyncProperty(anyArgv, async (argv) => {
        const direct = parseGenerateArgs(argv);
        if (direct === undefined) return;
        understood++;
        const viaYargs = await throughYargs(argv);
        expect({ argv, ...viaYargs }).toEqual({ argv, args: direct, code: 0, stderr: '' });
      }),
      { numRuns: 1000, seed: 15 },
    );
    // The property above held for some lists the direct path took, not only for lists it refused.
    expect(understood).toBeGreaterThan(20);
  });

  it('refuses, for yargs to word the error, what yargs reads differently or refuses', async () => {
    for (const argv of [
      ['--cache=false'],
      ['--check', 'false'],
      ['--no-cache', '--cache'],
      ['--inputFormat', 'plangen'],
      ['--plan', ''],
      ['--plan'],
      ['--client', 'bogus'],
      ['--no-plan'],
      ['generate', 'generate'],
      ['--check', 'generate'],
      ['--plan', 'a.json', 'generate'],
      ['--', 'generate'],
      ['-h'],
    ]) {
      expect([argv, parseGenerateArgs(argv)]).toEqual([argv, undefined]);
    }
  });
});
