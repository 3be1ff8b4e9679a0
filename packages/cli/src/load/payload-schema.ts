// Segment writes a rule's JSON Schema either for the properties (or traits)
// object itself or for the whole payload, with the properties under
// `properties.properties` (traits under `properties.traits`, and `properties.context`).
// These helpers tell the two apart and cut the part a call validates out of a
// whole-payload schema without breaking its `$ref`s.
import type { JSONSchema7Definition } from 'json-schema';
import type { JsonSchema } from '../model/types.js';

export type PayloadKey = 'properties' | 'traits';

const PAYLOAD_KEYS = new Set(['context', 'properties', 'traits']);

/** True when the schema describes a whole payload: its properties are only context/properties/traits, and `key` is one of them. */
export function isPayloadSchema(schema: JsonSchema, key: PayloadKey): boolean {
  const names = Object.keys(schema.properties ?? {});
  if (!names.includes(key) || !names.every((name) => PAYLOAD_KEYS.has(name))) return false;
  const part = schema.properties?.[key];
  // A lone property that happens to be called "properties" is a scalar or untyped; a payload part is an object schema.
  return typeof part === 'object' && (part.type === 'object' || part.properties !== undefined || names.length > 1);
}

/**
 * The schema of `payload.properties[key]`, self-contained: the root's definitions travel with it, under
 * `definitions` and under `$defs` (RudderStack's Data Catalog keeps its custom types there).
 */
export function propertiesOfPayload(payload: JsonSchema, key: PayloadKey): JsonSchema | undefined {
  const part = payload.properties?.[key];
  if (typeof part !== 'object') return part === true ? { type: 'object' } : undefined;
  const rebased = rebaseRefs(part, `#/properties/${key}/`) as JsonSchema & { $defs?: JsonSchema['definitions'] };
  const root = payload as JsonSchema & { $defs?: JsonSchema['definitions'] };
  // Refs to the root's definitions keep working because they travel along; the part's own win a name clash.
  return {
    ...rebased,
    ...(root.definitions !== undefined ? { definitions: { ...root.definitions, ...rebased.definitions } } : {}),
    ...(root.$defs !== undefined ? { $defs: { ...root.$defs, ...rebased.$defs } } : {}),
  };
}

/**
 * Whether a whole-payload schema checks anything besides `properties[key]`: a
 * context or other part with constraints, or root keywords beyond the type. The
 * model keeps `payload` only then, so a plain rule gives plain code.
 */
export function constrainsMoreThan(payload: JsonSchema, key: PayloadKey): boolean {
  const trivialPart = (part: JSONSchema7Definition | undefined) =>
    part === undefined || part === true || (typeof part === 'object' && Object.keys(part).every((name) => name === 'type' || name === 'description') && (part.type === undefined || part.type === 'object'));
  const partsTrivial = Object.entries(payload.properties ?? {}).every(([name, part]) => name === key || trivialPart(part));
  const required = payload.required ?? [];
  const rootTrivial = Object.keys(payload).every((name) => ['$schema', 'type', 'properties', 'required', 'description', 'definitions', '$defs', 'title'].includes(name));
  return !(partsTrivial && rootTrivial && required.every((name) => name === key));
}

/**
 * `$ref`s that point into the part being cut out, or at the part itself (a recursive schema), are rewritten to
 * point at its new root. What holds no such `$ref` is returned as it is, not copied: the model is frozen, so the
 * part and the whole payload schema may share it, and most parts hold no `$ref` at all.
 */
function rebaseRefs(value: unknown, prefix: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const rebased = rebaseRefs(item, prefix);
      if (rebased !== item) (copy ??= [...value])[index] = rebased;
    });
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  let changed: Map<string, unknown> | undefined;
  for (const name of Object.keys(object)) {
    const child = object[name];
    const rebased = name === '$ref' && typeof child === 'string' ? rebaseRef(child, prefix) : rebaseRefs(child, prefix);
    if (rebased !== child) (changed ??= new Map()).set(name, rebased);
  }
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return changed === undefined ? value : Object.fromEntries(Object.keys(object).map((name) => [name, changed.has(name) ? changed.get(name) : object[name]]));
}

function rebaseRef(ref: string, prefix: string): string {
  if (ref === prefix.slice(0, -1)) return '#';
  return ref.startsWith(prefix) ? `#/${ref.slice(prefix.length)}` : ref;
}
