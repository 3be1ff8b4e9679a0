// The command line: flags are declared here, in one place, and each command's
// work is imported only when it runs, so `plangen --help` starts fast.
import yargs, { type Argv } from 'yargs';
import { PlanError } from './errors.js';
import { CLIENT_KINDS } from './generate/options.js';
import { PLAN_FORMATS } from './model/types.js';

/** Runs the CLI and resolves to the process exit code; never calls process.exit itself. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const run = (load: () => Promise<{ run(args: never): Promise<number> }>) => async (args: unknown) => {
    const command = await load();
    exitCode = await command.run(args as never);
  };

  const cli: Argv = yargs([...argv])
    .scriptName('plangen')
    .usage('$0 [command]\n\nTyped analytics SDKs from a tracking plan. Without a command, runs `generate` from the config file.')
    .option('input-format', {
      choices: PLAN_FORMATS,
      describe: 'Read plans in this format instead of detecting it',
    })
    .command(
      ['generate', '$0'],
      'Generate the typed SDK',
      (y) =>
        y
          .option('plan', { type: 'string', describe: 'Tracking plan file (YAML or JSON)' })
          .option('out', { type: 'string', describe: 'Output folder' })
          .option('client', { choices: CLIENT_KINDS, describe: 'Analytics client the SDK calls (default analytics-next)' })
          .option('mode', { choices: ['development', 'production'] as const, describe: 'production compiles validation out' })
          .option('language', { choices: ['ts', 'js'] as const, describe: 'ts, or js with .d.ts beside it' })
          .option('check', { type: 'boolean', describe: 'Write nothing; exit 1 and print a diff if the output is stale' })
          .option('watch', { type: 'boolean', describe: 'Regenerate when the plan or config changes' })
          .option('config', { type: 'string', describe: 'Config file (default: discovered from the working directory)' }),
      run(() => import('./commands/generate.js')),
    )
    .command(
      'init',
      'Write a starter plangen.config.json and plan.yaml',
      (y) =>
        y
          .option('force', { type: 'boolean', describe: 'Overwrite existing files' })
          .option('client', { choices: CLIENT_KINDS, describe: 'Analytics client the SDK calls' }),
      run(() => import('./commands/init.js')),
    )
    .command(
      'inspect <plan>',
      'Print the normalized plan model',
      (y) =>
        y
          .positional('plan', { type: 'string', demandOption: true, describe: 'Tracking plan file' })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' }),
      run(() => import('./commands/inspect.js')),
    )
    .command(
      'validate [files..]',
      'Check recorded events (JSON Lines, JSON array, .gz, or stdin) against the plan',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'Payload files; none or - reads stdin' })
          .option('plan', { type: 'string', describe: 'Tracking plan file (default: from the config file)' })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
          .option('config', { type: 'string', describe: 'Config file' }),
      run(() => import('./commands/validate.js')),
    )
    .command(
      'diff <old> <new>',
      'Classify the changes between two plans (a path, or REV:path for a git revision)',
      (y) =>
        y
          .positional('old', { type: 'string', demandOption: true })
          .positional('new', { type: 'string', demandOption: true })
          .option('enforce-versioning', { type: 'boolean', describe: 'Fail when a breaking change is made in place to an existing version' })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' }),
      run(() => import('./commands/diff.js')),
    )
    .command(
      'lint <plan>',
      'Check a plan against naming, description and schema rules',
      (y) =>
        y
          .positional('plan', { type: 'string', demandOption: true })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
          .option('config', { type: 'string', describe: 'Config file with rule severities' }),
      run(() => import('./commands/lint.js')),
    )
    .strict()
    .demandCommand(0)
    .help()
    .version()
    .fail((message, error, y) => {
      if (error) throw error;
      process.stderr.write(`plangen: ${message}\nRun \`plangen --help\` for usage.\n`);
      exitCode = 1;
    });

  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof PlanError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return exitCode;
}
