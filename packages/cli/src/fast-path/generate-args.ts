// The argument lists plangen understands without yargs: `plangen` or `plangen
// generate` with generate's own flags, parsed by Node's parseArgs in strict
// mode. Anything else (another command, --help, an unknown, repeated, empty or
// misspelt flag, a bad choice, `--`, `--check=false`) is handed to the full
// CLI, whose yargs gives the usage errors: this never reports one itself. What
// it returns is what yargs hands the generate command for the same list
// (test/fast-path/generate-args-agree.test.ts), so bin/plangen.js runs the
// command straight from it when the nothing-changed answer misses.
import { parseArgs } from 'node:util';
import { CLIENT_KINDS, GENERATE_MODES, MODULE_FORMATS, OUTPUT_LANGUAGES } from '../generate/options.js';
import { PLAN_FORMATS } from '../model/types.js';

export interface FastGenerateArgs {
  readonly plan?: string;
  readonly out?: string;
  readonly client?: (typeof CLIENT_KINDS)[number];
  readonly mode?: (typeof GENERATE_MODES)[number];
  readonly language?: (typeof OUTPUT_LANGUAGES)[number];
  readonly module?: (typeof MODULE_FORMATS)[number];
  readonly inputFormat?: (typeof PLAN_FORMATS)[number];
  readonly config?: string;
  readonly check?: boolean;
  readonly watch?: boolean;
  /** false for `--no-cache`. */
  readonly cache?: boolean;
}

const OPTIONS = {
  plan: { type: 'string' },
  out: { type: 'string' },
  client: { type: 'string' },
  mode: { type: 'string' },
  language: { type: 'string' },
  module: { type: 'string' },
  'input-format': { type: 'string' },
  config: { type: 'string' },
  check: { type: 'boolean' },
  watch: { type: 'boolean' },
  cache: { type: 'boolean' },
} as const;

const CHOICES: Readonly<Record<string, readonly string[]>> = {
  client: CLIENT_KINDS,
  mode: GENERATE_MODES,
  language: OUTPUT_LANGUAGES,
  module: MODULE_FORMATS,
  'input-format': PLAN_FORMATS,
};

/** The parsed flags, or undefined when the full CLI must read this argument list. */
export function parseGenerateArgs(argv: readonly string[]): FastGenerateArgs | undefined {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch {
    return undefined; // unknown flag, missing value...: yargs words the error
  }
  const { values, positionals, tokens } = parsed;
  // The command word first only: before it, yargs knows only the global options, so `--check generate`
  // reads as --check's value there and fails as an unknown command.
  if (positionals.length > 1 || (positionals.length === 1 && (positionals[0] !== 'generate' || argv[0] !== 'generate'))) return undefined;
  const names = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  if (tokens.some((token) => token.kind === 'option-terminator') || new Set(names).size !== names.length) return undefined;
  for (const [name, value] of Object.entries(values)) {
    if (value === '') return undefined;
    const choices = CHOICES[name];
    if (choices !== undefined && !choices.includes(value as string)) return undefined;
  }
  const text = (name: keyof typeof OPTIONS) => values[name] as string | undefined;
  const flag = (name: 'check' | 'watch' | 'cache') => values[name] as boolean | undefined;
  return {
    ...(text('plan') !== undefined && { plan: text('plan') }),
    ...(text('out') !== undefined && { out: text('out') }),
    ...(text('client') !== undefined && { client: text('client') as FastGenerateArgs['client'] }),
    ...(text('mode') !== undefined && { mode: text('mode') as FastGenerateArgs['mode'] }),
    ...(text('language') !== undefined && { language: text('language') as FastGenerateArgs['language'] }),
    ...(text('module') !== undefined && { module: text('module') as FastGenerateArgs['module'] }),
    ...(text('input-format') !== undefined && { inputFormat: text('input-format') as FastGenerateArgs['inputFormat'] }),
    ...(text('config') !== undefined && { config: text('config') }),
    ...(flag('check') !== undefined && { check: flag('check') }),
    ...(flag('watch') !== undefined && { watch: flag('watch') }),
    ...(flag('cache') !== undefined && { cache: flag('cache') }),
  };
}

function parseWith(argv: readonly string[]) {
  // allowNegative: --no-cache, --no-check and --no-watch, as yargs reads them (false).
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true, allowNegative: true, tokens: true });
}
