// The argument lists the fast path fully understands: `plangen` or `plangen
// generate` with generate's own value flags, parsed by Node's parseArgs in
// strict mode. Anything else (another command, --help, --watch, an unknown,
// repeated, empty or misspelt flag, a bad choice, `--`) is handed to the full
// CLI, whose yargs gives the usage errors: this never reports one itself.
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
  readonly check: boolean;
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
  if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'generate')) return undefined;
  const names = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  if (tokens.some((token) => token.kind === 'option-terminator') || new Set(names).size !== names.length) return undefined;
  for (const [name, value] of Object.entries(values)) {
    if (value === '') return undefined;
    const choices = CHOICES[name];
    if (choices !== undefined && !choices.includes(value as string)) return undefined;
  }
  const text = (name: keyof typeof OPTIONS) => values[name] as string | undefined;
  return {
    ...(text('plan') !== undefined && { plan: text('plan') }),
    ...(text('out') !== undefined && { out: text('out') }),
    ...(text('client') !== undefined && { client: text('client') as FastGenerateArgs['client'] }),
    ...(text('mode') !== undefined && { mode: text('mode') as FastGenerateArgs['mode'] }),
    ...(text('language') !== undefined && { language: text('language') as FastGenerateArgs['language'] }),
    ...(text('module') !== undefined && { module: text('module') as FastGenerateArgs['module'] }),
    ...(text('input-format') !== undefined && { inputFormat: text('input-format') as FastGenerateArgs['inputFormat'] }),
    ...(text('config') !== undefined && { config: text('config') }),
    check: values.check === true,
  };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
}
