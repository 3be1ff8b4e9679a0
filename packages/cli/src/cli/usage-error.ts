// Usage errors (bad flags, arguments or commands) as one-line PlanErrors with the
// usage hint. yargs finds the problems; this module only words them, so that
// every usage error reads like every other plangen error.
import { PlanError } from '../errors.js';
import { unicodeEscape } from '../line-breaks.js';
import { closestName } from './closest-name.js';

/** What the command line was, and what the command that yargs chose accepts. */
export interface UsageContext {
  /** The raw arguments. */
  readonly argv: readonly string[];
  /** The command yargs chose, e.g. `generate`. */
  readonly command: string;
  /** False when the command runs as the default (`plangen` with no command name). */
  readonly named: boolean;
  /** Every command name, for "Did you mean lint?". */
  readonly commands: readonly string[];
  /** The command's positional arguments in order, e.g. `old`, `new`. */
  readonly positionals: readonly string[];
  /** Positionals and options that take several values. */
  readonly arrays: readonly string[];
  /** Options that are true or false. */
  readonly booleans: readonly string[];
  /** Every option the command accepts (global ones included), as typed after `--`. */
  readonly options: readonly string[];
}

/**
 * yargs' wording, replaced where plangen words a message itself without parsing it
 * (`.updateStrings`, with the locale pinned to English so the rest stays known).
 */
export const YARGS_STRINGS: Readonly<Record<string, string>> = {
  // y18n falls back to the key for an empty string; a blank line is dropped when the lines are joined.
  'Invalid values:': ' ',
  'Argument: %s, Given: %s, Choices: %s': '--%s cannot be %s: use one of %s',
};

export function usageError(problem: string, context: Pick<UsageContext, 'command' | 'named'>, fix?: string): PlanError {
  const help = `Run \`plangen${context.named ? ` ${context.command}` : ''} --help\` for usage`;
  if (fix === undefined) return new PlanError({ file: 'plangen' }, problem, help);
  return new PlanError({ file: 'plangen' }, problem, `${fix}${fix.endsWith('?') ? '' : '.'} ${help}`);
}

/** The PlanError for a message yargs' validation failed with. */
export function describeYargsFailure(message: string, context: UsageContext): PlanError {
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown?.[1] !== undefined) return unknownArguments(unknown[1].split(', '), context);
  const notEnough = /^Not enough non-option arguments: got (\d+), need at least \d+$/.exec(message);
  if (notEnough?.[1] !== undefined) return missingPositionals(Number(notEnough[1]), context);
  // Everything else (the choices messages of YARGS_STRINGS among them) is already plangen's wording, possibly over several lines.
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return usageError(lines.join('; ').replace(/\.$/, ''), context);
}

function unknownArguments(names: readonly string[], context: UsageContext): PlanError {
  // yargs lists `--input-formatt` also as `inputFormatt`; `--Plan` stays `--Plan`.
  const unique = [...new Set(names.map((name) => name.replace(/(?<=[a-z0-9])[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)))];
  const flags = unique.filter((name) => isTypedAsFlag(name, context.argv));
  const words = unique.filter((name) => !flags.includes(name));
  const [word] = words;
  if (word !== undefined && !context.named) {
    const suggestion = closestName(word, context.commands);
    return usageError(`unknown command ${quoted(word)}`, context, suggestion !== undefined ? `Did you mean \`plangen ${suggestion}\`?` : undefined);
  }
  if (word !== undefined) {
    const listed = words.map(quoted).join(', ');
    return usageError(`unexpected argument${words.length === 1 ? '' : 's'} ${listed} for \`plangen ${context.command}\``, context);
  }
  const typed = flags.map(dashed);
  const suggestions = flags.flatMap((name) => {
    const suggestion = closestName(name, context.options);
    return suggestion !== undefined ? [{ typed: dashed(name), suggestion: dashed(suggestion) }] : [];
  });
  const fix =
    suggestions.length === 0
      ? undefined
      : suggestions.length === 1 && flags.length === 1
        ? `Did you mean ${suggestions[0]!.suggestion}?`
        : `Did you mean ${suggestions.map((entry) => `${entry.suggestion} for ${entry.typed}`).join(', ')}?`;
  return usageError(`unknown option${typed.length === 1 ? '' : 's'} ${typed.join(', ')} for \`plangen ${context.command}\``, context, fix);
}

function commandUsage(context: UsageContext): string {
  return [`plangen ${context.command}`, ...context.positionals.map((name) => (context.arrays.includes(name) ? `[${name}..]` : `<${name}>`))].join(' ');
}

/** yargs sets aside what follows `--` (a missing argument, or a file never read); plangen takes nothing there. */
function argumentsAfterDoubleDash(context: UsageContext): PlanError | undefined {
  const end = context.argv.indexOf('--');
  if (end === -1 || end === context.argv.length - 1) return undefined;
  if (context.positionals.length === 0) {
    const rest = context.argv.slice(end + 1);
    const listed = rest.map(quoted).join(', ');
    return usageError(`unexpected argument${rest.length === 1 ? '' : 's'} ${listed} after "--" for \`plangen ${context.command}\``, context);
  }
  return usageError(`arguments after "--" are not read`, context, `Give them before any "--": ${commandUsage(context)}`);
}

function missingPositionals(given: number, context: UsageContext): PlanError {
  const usage = commandUsage(context);
  const afterDoubleDash = argumentsAfterDoubleDash(context);
  if (afterDoubleDash !== undefined) return afterDoubleDash;
  const missing = context.positionals.slice(given).map((name) => `<${name}>`);
  return usageError(`missing argument${missing.length === 1 ? '' : 's'} ${missing.join(' ')}`, context, `Write it as ${usage}`);
}

/**
 * What yargs accepts but plangen would misread: a single-value flag given twice
 * (yargs makes it an array), an empty path (`--out ""`, or `--out` without a
 * value), `--check=maybe` (yargs reads false) and arguments after `--` (dropped).
 */
export function checkArgumentValues(values: Readonly<Record<string, unknown>>, context: UsageContext): void {
  const afterDoubleDash = argumentsAfterDoubleDash(context);
  if (afterDoubleDash !== undefined) throw afterDoubleDash;
  const end = context.argv.includes('--') ? context.argv.indexOf('--') : context.argv.length;
  for (const name of context.booleans) {
    const given = context.argv.slice(0, end).find((arg) => arg.startsWith(`--${name}=`) && !/^(true|false)$/.test(arg.slice(name.length + 3)));
    if (given !== undefined) {
      throw usageError(`--${name} is true or false, not ${quoted(given.slice(name.length + 3))}`, context, `Write --${name}, or --no-${name}`);
    }
  }
  for (const name of [...context.positionals, ...context.options]) {
    const value = values[name];
    const label = context.positionals.includes(name) ? `<${name}>` : `--${name}`;
    if (Array.isArray(value) && !context.arrays.includes(name)) {
      throw usageError(`${label} is given ${value.length} times`, context, 'Give it once');
    }
    if (value === '' || (Array.isArray(value) && value.includes(''))) {
      throw usageError(`${label} is empty`, context, 'Give it a value, or leave it out');
    }
  }
}

/** A name that yargs reports but that was not typed as a word on its own came from a flag (`--chek`, `-x`, `-xy`). */
function isTypedAsFlag(name: string, argv: readonly string[]): boolean {
  const flag = dashed(name);
  return !argv.includes(name) || argv.some((arg) => arg === flag || arg.startsWith(`${flag}=`) || arg === `--no-${name}`);
}

/** As typed, with control characters and line separators escaped so the message stays one line. */
function dashed(name: string): string {
  return name.length === 1 ? `-${oneLine(name)}` : `--${oneLine(name)}`;
}

function quoted(word: string): string {
  return `"${oneLine(word.replace(/["\\]/g, '\\$&'))}"`;
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, unicodeEscape);
}
