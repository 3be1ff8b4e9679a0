// Flags that take a count (`--max-line-length 67108864`). As yargs' `type: number`,
// "abc" arrived as NaN and 1.5 as 1.5, and the command refused them only after
// loading the plan, with exit 2 and "not NaN". As a coerce function the typed
// text is checked while yargs parses, so a bad count is a usage error: exit 1,
// nothing run, and the message quotes what was typed.
import { quote } from '../messages/quote.js';

/** yargs `coerce` for `--<name>`: a positive whole number, written in digits; thrown messages become usage errors. */
export function positiveCount(name: string, example: number): (text: unknown) => unknown {
  return (text) => {
    // An empty value and a repeated flag are worded by checkArgumentValues (cli/usage-error.ts).
    if (typeof text !== 'string' || text === '') return text;
    const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(count) || count === 0) {
      throw new Error(`--${name} must be a positive whole number, not ${quote(text)}: e.g. --${name} ${example}`);
    }
    return count;
  };
}
