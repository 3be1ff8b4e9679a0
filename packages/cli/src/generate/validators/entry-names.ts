// Validator names become `export const` names in the generated module, beside
// ajv's own top-level names, the helpers imported from @plangen/core and the
// globals ajv's code calls (isNaN, Array, undefined, ...). Requiring the model's
// `validate` prefix keeps every name clear of the last two; ajv's are checked.
import type { ValidatorEntry } from '../../model/validator-entries.js';

export type { ValidatorEntry } from '../../model/validator-entries.js';

const VALIDATOR_NAME = /^validate[\w$]+$/;
// ajv's own top-level names: a lowercase prefix and a counter (`validate12`, `schema3`).
const AJV_NAME = /^[a-z]+\d+$/;

/** The entries sorted by name (code-unit order), so output never depends on plan order. */
export function sortedEntries(entries: readonly ValidatorEntry[]): ValidatorEntry[] {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (!VALIDATOR_NAME.test(name)) {
      throw new Error(`cannot compile validator ${JSON.stringify(name)}: a validator name is "validate" followed by letters, digits, _ or $, like validateOrderCompletedV1.`);
    }
    if (AJV_NAME.test(name)) throw new Error(`cannot compile validator ${name}: the validators module uses this name itself.`);
    if (seen.has(name)) throw new Error(`cannot compile validator ${name}: two schemas have this name.`);
    seen.add(name);
  }
  return [...entries].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}
