// The command line: flags are declared here, in one place, and each command's
// work is imported only when it runs, so `plangen --help` starts fast. A usage
// error (unknown flag or command, bad value, missing argument) runs nothing.
import yargs, { type Argv, type Options, type PositionalOptions } from 'yargs';
import { positiveCount } from './cli/count-option.js';
import { AUDIT_KINDS } from './audit/kinds.js';
import { failOnKinds } from './cli/fail-on-option.js';
import { AUDIT_OUTPUT_FORMATS, OUTPUT_FORMATS } from './cli/output-format.js';
import { reportError, runCommand } from './cli/run-command.js';
import { DOCS_FORMATS } from './catalog/formats.js';
import { checkArgumentValues, describeYargsFailure, usageError, YARGS_STRINGS, type UsageContext } from './cli/usage-error.js';
import { plangenVersion } from './messages/plangen-version.js';
import { CSV_DELIMITERS, EXPORT_TARGETS, IMPORT_SOURCES } from './convert/formats.js';
import { PlanError } from './errors.js';
import { CLIENT_KINDS, GENERATE_MODES, MODULE_FORMATS, OUTPUT_LANGUAGES } from './generate/options.js';
import { PLAN_FORMATS } from './model/types.js';

export interface CommandSpec {
  readonly name: string;
  readonly describe: string;
  /** In order; `array` ones take the rest of the words. */
  readonly positionals: Readonly<Record<string, PositionalOptions>>;
  readonly options: Readonly<Record<string, Options>>;
  /** The command's module; its `run` returns the exit code and throws errors, which runCommand reports. */
  readonly load: () => Promise<{ run(args: never): Promise<number> }>;
}

const FORMAT_OPTION = { choices: OUTPUT_FORMATS, default: 'text' as const, describe: 'Output format' };

export const GLOBAL_OPTIONS: Readonly<Record<string, Options>> = {
  'input-format': { choices: PLAN_FORMATS, describe: 'Read plans in this format instead of detecting it' },
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'generate',
    describe: 'Generate the typed SDK (also `plangen` with no command)',
    positionals: {},
    options: {
      plan: { type: 'string', describe: 'Tracking plan file (YAML or JSON)' },
      out: { type: 'string', describe: 'Output folder' },
      client: { choices: CLIENT_KINDS, describe: 'Analytics client the SDK calls (default analytics-next)' },
      mode: { choices: GENERATE_MODES, describe: 'production compiles validation out' },
      language: { choices: OUTPUT_LANGUAGES, describe: 'ts, or js with .d.ts beside it' },
      module: { choices: MODULE_FORMATS, describe: 'For --language js: esm or cjs (default: from the type of the nearest package.json)' },
      check: { type: 'boolean', describe: 'Write nothing; exit 1 and print a diff if the output is stale' },
      watch: { type: 'boolean', describe: 'Regenerate when the plan or config changes' },
      cache: { type: 'boolean', describe: 'Reuse parts generated before from node_modules/.cache/plangen; --no-cache computes everything' },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
    },
    load: () => import('./commands/generate.js'),
  },
  {
    name: 'init',
    describe: 'Write a starter plangen.config.json and plan.yaml',
    positionals: {},
    options: {
      force: { type: 'boolean', describe: 'Overwrite existing files' },
      client: { choices: CLIENT_KINDS, describe: 'Analytics client the SDK calls (default: the one installed in the project)' },
    },
    load: () => import('./commands/init.js'),
  },
  {
    name: 'inspect',
    describe: 'Print the normalized plan model and the signatures the chosen client gets',
    positionals: { plan: { type: 'string', demandOption: true, describe: 'Tracking plan file' } },
    options: {
      format: FORMAT_OPTION,
      client: { choices: CLIENT_KINDS, describe: 'Analytics client whose signatures to show (default: from the config, else analytics-next)' },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
      'include-label': { type: 'string', array: true, nargs: 1, describe: 'Show only event versions with this label (key:value or key; repeat for any of several)' },
      'exclude-label': { type: 'string', array: true, nargs: 1, describe: 'Leave out event versions with this label (repeatable)' },
      event: { type: 'string', array: true, nargs: 1, describe: 'Show only events with this name or glob (* and ?; repeatable)' },
      'exclude-event': { type: 'string', array: true, nargs: 1, describe: 'Leave out events with this name or glob (repeatable)' },
      select: { type: 'string', describe: 'Show the selection of the config output that writes to this folder' },
    },
    load: () => import('./commands/inspect.js'),
  },
  {
    name: 'validate',
    describe: 'Check recorded events (JSON Lines, JSON array, .gz, or stdin) against the plan',
    positionals: { files: { type: 'string', array: true, describe: 'Payload files; none or - reads stdin' } },
    options: {
      plan: { type: 'string', describe: 'Tracking plan file (default: from the config file)' },
      format: FORMAT_OPTION,
      config: { type: 'string', describe: 'Config file' },
      'max-line-length': { type: 'string', coerce: positiveCount('max-line-length', 67108864), describe: 'Longest JSON Lines line read, in characters (default 16777216); longer lines are malformed' },
    },
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'diff',
    describe: 'Classify the changes between two plans (a path, or REV:path for a git revision)',
    positionals: { old: { type: 'string', demandOption: true }, new: { type: 'string', demandOption: true } },
    options: {
      'enforce-versioning': { type: 'boolean', describe: 'Fail when a breaking change is made in place to an existing version' },
      format: FORMAT_OPTION,
    },
    load: () => import('./commands/diff.js'),
  },
  {
    name: 'lint',
    describe: 'Check a plan against naming, description and schema rules',
    positionals: { plan: { type: 'string', demandOption: true } },
    options: {
      format: FORMAT_OPTION,
      config: { type: 'string', describe: 'Config file with rule severities' },
    },
    load: () => import('./commands/lint.js'),
  },
  {
    name: 'pull',
    describe: 'Fetch a Segment tracking plan through the Public API into a plan.json (token: SEGMENT_PUBLIC_API_TOKEN)',
    positionals: {},
    options: {
      'tracking-plan': { type: 'string', describe: 'Tracking plan id, tp_... (default: "trackingPlan" in the config)' },
      out: { type: 'string', describe: 'File to write (default: the config\'s plan)' },
      'api-url': { type: 'string', describe: 'Public API base URL (default: the config\'s apiUrl, else https://api.segmentapis.com)' },
      check: { type: 'boolean', describe: 'Write nothing; exit 1 and print the changes when the remote plan differs from the file' },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
    },
    load: () => import('./commands/pull.js'),
  },
  {
    name: 'push',
    describe: 'Send the plan to a Segment tracking plan as Protocols rules (dry run unless --yes)',
    positionals: {},
    options: {
      plan: { type: 'string', describe: 'Tracking plan file, any format plangen reads (default: from the config file)' },
      'tracking-plan': { type: 'string', describe: 'Tracking plan id, tp_... (default: "trackingPlan" in the config)' },
      'api-url': { type: 'string', describe: 'Public API base URL (default: the config\'s apiUrl, else https://api.segmentapis.com)' },
      yes: { type: 'boolean', describe: 'Apply the changes (without it, only print them)' },
      'allow-breaking': { type: 'boolean', describe: 'Push a breaking change made in place to an existing event version' },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
    },
    load: () => import('./commands/push.js'),
  },
  {
    name: 'export',
    describe: 'Write the plan as CSV (the Protocols editor\'s columns), a Segment Public API plan.json, or native YAML',
    positionals: {},
    options: {
      to: { choices: EXPORT_TARGETS, demandOption: true, describe: 'Format to write' },
      plan: { type: 'string', describe: 'Tracking plan file (default: from the config file)' },
      out: { type: 'string', demandOption: true, describe: 'File to write' },
      delimiter: { choices: CSV_DELIMITERS, describe: 'CSV separator (default ,)' },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
    },
    load: () => import('./commands/export.js'),
  },
  {
    name: 'import',
    describe: 'Read a spreadsheet (CSV) of the plan and write it as a native plan.yaml',
    positionals: { file: { type: 'string', demandOption: true, describe: 'CSV file' } },
    options: {
      from: { choices: IMPORT_SOURCES, demandOption: true, describe: 'Format of FILE' },
      out: { type: 'string', demandOption: true, describe: 'plan.yaml to write' },
      delimiter: { choices: CSV_DELIMITERS, describe: 'CSV separator (default: detected from the header row)' },
    },
    load: () => import('./commands/import.js'),
  },
  {
    name: 'audit',
    describe: "Check what the app's code sends (SDK and raw client calls) against the plan",
    positionals: {},
    options: {
      plan: { type: 'string', describe: 'Tracking plan file (default: from the config file)' },
      project: { type: 'string', describe: 'tsconfig.json of the app (default: the nearest one)' },
      sdk: { type: 'string', describe: 'Folder of the generated SDK (default: the config\'s out)' },
      format: { choices: AUDIT_OUTPUT_FORMATS, default: 'text' as const, describe: 'Output format' },
      'fail-on': { type: 'string', array: true, coerce: failOnKinds, describe: `Exit 1 when a finding of these kinds is found, comma-separated, or none (default: the kinds whose severity is error): ${AUDIT_KINDS.join(', ')}` },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
    },
    load: () => import('./commands/audit.js'),
  },
  {
    name: 'docs',
    describe: 'Write the tracking plan as a catalog for data consumers: one index.html, or markdown files',
    positionals: {},
    options: {
      plan: { type: 'string', describe: 'Tracking plan file (default: from the config file)' },
      out: { type: 'string', describe: 'Output folder (default: docs.out from the config file)' },
      format: { choices: DOCS_FORMATS, describe: 'html (default): one self-contained page; markdown: README.md and one file per event' },
      client: { choices: CLIENT_KINDS, describe: 'Client whose SDK the usage examples call (default: from the config, else analytics-next)' },
      check: { type: 'boolean', describe: 'Write nothing; exit 1 and print a diff if the docs are stale' },
      config: { type: 'string', describe: 'Config file (default: discovered from the working directory)' },
    },
    load: () => import('./commands/docs.js'),
  },
];

/** Runs the CLI and resolves to the process exit code; never calls process.exit itself. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  // The command whose builder yargs ran: usage errors are worded for it.
  let context: UsageContext = usageContext(argv, undefined, false);

  let cli: Argv = yargs([...argv])
    .scriptName('plangen')
    .usage('$0 [command]\n\nTyped analytics SDKs from a tracking plan. Without a command, runs `generate` from the config file.')
    // English, so messages are the same on every machine and YARGS_STRINGS applies.
    .locale('en')
    .updateStrings({ ...YARGS_STRINGS })
    .options(GLOBAL_OPTIONS);
  for (const spec of COMMANDS) {
    const positionals = Object.entries(spec.positionals).map(([name, options]) => (options.array ? `[${name}..]` : `<${name}>`));
    const builder = (named: boolean) => (y: Argv) => {
      context = usageContext(argv, spec, named);
      let built = y.options(spec.options);
      for (const [name, options] of Object.entries(spec.positionals)) built = built.positional(name, options);
      return built;
    };
    const handler = async (args: unknown) => {
      exitCode = await runCommand(spec.name, async () => (await spec.load()).run(args as never));
    };
    cli = cli.command([spec.name, ...positionals].join(' '), spec.describe, builder(true), handler);
    // `plangen` alone runs generate; registered apart (and hidden) so an unknown word there reads as an unknown command.
    if (spec.name === 'generate') cli = cli.command('$0', false, builder(false), handler);
  }

  cli = cli
    .strict()
    .demandCommand(0)
    .check((values) => {
      checkArgumentValues(values, context);
      return true;
    }, true)
    .help()
    .alias('help', 'h')
    .version(plangenVersion())
    // --help and --version print and return instead of ending the process.
    .exitProcess(false)
    // Throwing is what stops yargs: a handler that returns lets it run the command anyway.
    .fail((message: string | null | undefined, error: Error | undefined) => {
      if (error instanceof PlanError) throw error;
      if (message) throw describeYargsFailure(message, context);
      throw error ?? usageError('invalid command line', context);
    });

  try {
    await cli.parseAsync();
  } catch (error) {
    // A usage error (no command ran, so 1 whatever the command), or a bug the runner rethrew.
    return reportError(error);
  }
  return exitCode;
}

function usageContext(argv: readonly string[], spec: CommandSpec | undefined, named: boolean): UsageContext {
  const options = { ...GLOBAL_OPTIONS, ...spec?.options };
  return {
    argv,
    command: spec?.name ?? 'generate',
    named,
    commands: COMMANDS.map((command) => command.name),
    positionals: Object.keys(spec?.positionals ?? {}),
    arrays: Object.entries({ ...spec?.positionals, ...options })
      .filter(([, option]) => option.array === true)
      .map(([name]) => name),
    booleans: Object.entries(options)
      .filter(([, option]) => option.type === 'boolean')
      .map(([name]) => name),
    options: [...Object.keys(options), 'help', 'h', 'version'],
  };
}
