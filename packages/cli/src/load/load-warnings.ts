// What the loader accepts but has to say: a plan that loads, with a part that
// does not do what it seems to (an unknown `format` is not checked). One
// channel for every command: `loadPlan` hands each warning, located like an
// error, to `onWarning`, which by default prints it as one line on stderr, so
// stdout (JSON output, diffs) stays clean and the exit code is untouched.
import { formatLocation, type PlanError } from '../errors.js';

export type WarningSink = (warning: PlanError) => void;

/** `plan.json:12:7: warning: what. How to fix it.` */
export function formatWarning(warning: PlanError): string {
  return `${formatLocation(warning.location)}: warning: ${warning.problem}.${warning.fix ? ` ${warning.fix}.` : ''}`;
}

export const printWarning: WarningSink = (warning) => {
  process.stderr.write(`${formatWarning(warning)}\n`);
};
