// Every exit code plangen ends with, and the one mapping from a thrown error to
// its code (docs/config.md and docs/validate.md list them for users).
import { PlanError } from '../errors.js';
import { InterruptedError } from '../write/interrupt-signals.js';

export const EXIT_SUCCESS = 0;
/** Bad usage, plan or config; a stale `--check`; a refused write; lint errors; payloads that fail `validate`. */
export const EXIT_FAILURE = 1;
/** `validate` only: the input cannot be used at all (no plan, a bad plan, a missing payload file). */
export const EXIT_UNUSABLE_INPUT = 2;

/**
 * Commands whose own PlanErrors have another code than 1. A usage error is found before
 * any command runs, so it exits 1 whatever the command.
 */
const PLAN_ERROR_EXIT_CODES: Readonly<Record<string, number>> = { validate: EXIT_UNUSABLE_INPUT };

/**
 * The exit code for an error thrown while `command` ran (undefined: while the command
 * line was parsed), or undefined for an error that is a bug and should crash with its stack.
 */
export function exitCodeFor(error: unknown, command?: string): number | undefined {
  // 128 + the signal number (130 for SIGINT, 143 for SIGTERM), as a shell reports a killed process.
  if (error instanceof InterruptedError) return error.exitCode;
  if (error instanceof PlanError) return (command !== undefined ? PLAN_ERROR_EXIT_CODES[command] : undefined) ?? EXIT_FAILURE;
  return undefined;
}
