// The one command runner: a command returns its exit code or throws; here a thrown
// PlanError or interrupt becomes one line on stderr and its exit code
// (exit-codes.ts). Commands never print their errors themselves.
import { exitCodeFor } from './exit-codes.js';

export interface ErrorStream {
  write(text: string): unknown;
}

/** Runs `command`'s work; an error that is a bug is rethrown, so it crashes with its stack. */
export async function runCommand(command: string | undefined, work: () => Promise<number>, stderr: ErrorStream = process.stderr): Promise<number> {
  try {
    return await work();
  } catch (error) {
    return reportError(error, command, stderr);
  }
}

/** Prints a user-facing error as its one line and returns its exit code; rethrows any other error. */
export function reportError(error: unknown, command?: string, stderr: ErrorStream = process.stderr): number {
  const code = exitCodeFor(error, command);
  if (code === undefined) throw error;
  stderr.write(`${(error as Error).message}\n`);
  return code;
}
