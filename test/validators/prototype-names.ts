// Plans and payloads whose event and property names are Object.prototype members, and the reference
// verdict for them: ajv compiling the plan's own schema. ajv skips a `properties` entry named
// `__proto__`, so for that one name the reference renames it (in the schema and the payload alike) to
// a name ajv does check, and maps the errors back: the same constraint, judged by ajv.
import type { CompiledValidatorError } from '@plangen/core/runtime';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';

export const PROTOTYPE_NAMES = ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__'] as const;

const RENAMED = 'renamed__proto__';

/** Every key and string equal to `from` replaced by `to`, as new objects with own data keys. */
function rename(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => rename(item, from, to));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key === from ? to : key, rename(item, from, to)]));
}

export interface ComparableError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: unknown;
}

/** Errors without their schemaPath (a restated `__proto__` constraint lives at another one), in a fixed order. */
export function comparable(errors: readonly CompiledValidatorError[] | null | undefined): ComparableError[] {
  return sorted((errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params: params as unknown })));
}

function sorted(errors: ComparableError[]): ComparableError[] {
  return errors.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** ajv's verdict and errors on `schema` for `payload`, with `__proto__` judged under another name. */
export function referenceVerdict(schema: object, payload: unknown): { valid: boolean; errors: ComparableError[] } {
  const validate = createAjv().compile(rename(schema, '__proto__', RENAMED) as object);
  const valid = validate(rename(payload, '__proto__', RENAMED));
  const errors = comparable(validate.errors).map((error) => rename(error, RENAMED, '__proto__') as ComparableError);
  return { valid, errors: sorted(errors.map((error) => ({ ...error, instancePath: error.instancePath.replaceAll(RENAMED, '__proto__') }))) };
}

/** A properties schema naming every prototype member, all required or none. */
export function prototypeSchema(required: readonly string[]): object {
  const properties = Object.fromEntries(PROTOTYPE_NAMES.map((name, index) => [name, { type: index % 2 === 0 ? 'string' : 'integer' }]));
  return { type: 'object', properties, required, additionalProperties: false };
}

/** Payloads parsed from JSON, so `__proto__` is an own key as it is on the wire; valid and invalid ones for prototypeSchema. */
export function prototypePayloads(): unknown[] {
  const texts = [
    '{}',
    '{"toString":"a","valueOf":1,"constructor":"c","hasOwnProperty":2,"__proto__":"p"}',
    '{"toString":1,"valueOf":"a","constructor":3,"hasOwnProperty":"b","__proto__":4}',
    ...PROTOTYPE_NAMES.map((name) => `{"${name}":"s"}`),
    ...PROTOTYPE_NAMES.map((name) => `{"${name}":7}`),
    ...PROTOTYPE_NAMES.map((name) => `{"${name}":{}}`),
    '{"__proto__":{"polluted":true}}',
    '{"extra":1,"__proto__":"p"}',
  ];
  return texts.map((text) => JSON.parse(text) as unknown);
}
