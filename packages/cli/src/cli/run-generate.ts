// The generate command entered straight from the argument list bin/plangen.js parsed
// (fast-path/generate-args.ts), without yargs: its bundle entry (dist/bundle/generate.cjs)
// loads only this command's modules. The list holds nothing yargs would refuse, and the
// arguments are the ones yargs hands the command (test/fast-path/generate-args-agree.test.ts),
// so the run, its errors and its exit code are those of `plangen generate` through cli.ts.
import type { Worker } from 'node:worker_threads';
import type { GenerateArgs } from '../commands/generate.js';
import { adoptValidatorWorker } from '../generate/validators/compile-in-parallel.js';
import { runCommand } from './run-command.js';

/** `worker`: the validators' thread the bin started already, taken by the first compile. */
export async function runGenerate(args: GenerateArgs, worker?: Worker): Promise<number> {
  adoptValidatorWorker(worker);
  return runCommand('generate', async () => (await import('../commands/generate.js')).run(args));
}
