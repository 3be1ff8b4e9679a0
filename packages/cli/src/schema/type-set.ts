// A schema's `type` as a set, so "narrowed" and "widened" are set questions.
// No `type` means any type; `number` includes `integer`.
import type { JSONSchema7, JSONSchema7TypeName } from 'json-schema';

const ALL_TYPES: readonly JSONSchema7TypeName[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** The declared types, or undefined when the schema accepts any type. */
export function typeSet(schema: JSONSchema7): ReadonlySet<JSONSchema7TypeName> | undefined {
  if (schema.type === undefined) return undefined;
  return new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
}

/** Types accepted by `from` that `to` no longer accepts. */
export function typesLost(
  from: ReadonlySet<JSONSchema7TypeName> | undefined,
  to: ReadonlySet<JSONSchema7TypeName> | undefined,
): JSONSchema7TypeName[] {
  if (to === undefined) return [];
  return [...(from ?? ALL_TYPES)].filter((type) => !accepts(to, type));
}

function accepts(types: ReadonlySet<JSONSchema7TypeName>, type: JSONSchema7TypeName): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** `string | null`, or `any` for no type. */
export function describeTypes(types: ReadonlySet<JSONSchema7TypeName> | undefined): string {
  if (types === undefined) return 'any';
  return [...types].sort((a, b) => ALL_TYPES.indexOf(a) - ALL_TYPES.indexOf(b)).join(' | ');
}
