// Validator names become `export const` names in the generated module, beside
// ajv's own top-level names and the helpers imported from @plangen/core.
import type { JsonSchema } from '../../model/types.js';
import { RUNTIME_EXPORT_NAMES } from './runtime-imports.js';

export interface ValidatorEntry {
  /** The export name: `validateOrderCompletedV1`. */
  readonly name: string;
  readonly schema: JsonSchema;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// ajv's own top-level names: a lowercase prefix and a counter (`validate12`, `schema3`, `pattern0`).
const AJV_NAME = /^(?:[a-z]+|Error)\d+$/;

/** The entries sorted by name (code-unit order), so output never depends on plan order. */
export function sortedEntries(entries: readonly ValidatorEntry[]): ValidatorEntry[] {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (!IDENTIFIER.test(name) || name === '__proto__') {
      throw new Error(`cannot compile validator ${JSON.stringify(name)}: its name is not a JavaScript identifier.`);
    }
    if (AJV_NAME.test(name) || RUNTIME_EXPORT_NAMES.includes(name)) {
      throw new Error(`cannot compile validator ${name}: the validators module uses this name itself.`);
    }
    if (seen.has(name)) throw new Error(`cannot compile validator ${name}: two schemas have this name.`);
    seen.add(name);
  }
  return [...entries].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}
