// Visits every subschema of a plan schema with its JSON pointer. References are
// not followed: definitions are visited where they are written, so each
// property and pattern is reported once, at the place to edit.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { pointerSegment } from '../diff/resolve-ref.js';

const SCHEMA_KEYWORDS = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'] as const;
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', '$defs'] as const;
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;

export function walkSchema(schema: JSONSchema7Definition, visit: (schema: JSONSchema7, pointer: string) => void, pointer = ''): void {
  if (typeof schema !== 'object' || schema === null) return;
  visit(schema, pointer);
  const record = schema as Record<string, unknown>;
  for (const keyword of SCHEMA_KEYWORDS) {
    const value = record[keyword];
    if (Array.isArray(value)) value.forEach((item, index) => walkSchema(item as JSONSchema7Definition, visit, `${pointer}/${keyword}/${index}`));
    else if (value !== undefined) walkSchema(value as JSONSchema7Definition, visit, `${pointer}/${keyword}`);
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const value = record[keyword];
    if (typeof value !== 'object' || value === null) continue;
    for (const [name, child] of Object.entries(value)) {
      walkSchema(child as JSONSchema7Definition, visit, `${pointer}/${keyword}/${pointerSegment(name)}`);
    }
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const value = record[keyword];
    if (Array.isArray(value)) value.forEach((item, index) => walkSchema(item as JSONSchema7Definition, visit, `${pointer}/${keyword}/${index}`));
  }
}

export interface NamedProperty {
  readonly name: string;
  readonly schema: JSONSchema7Definition;
  /** Pointer of the property's schema: `/properties/address/properties/city`. */
  readonly pointer: string;
  /** Pointer of the object schema that lists it. */
  readonly parent: string;
}

/** Every property listed under a `properties` keyword, at any depth. */
export function namedProperties(schema: JSONSchema7Definition): NamedProperty[] {
  const found: NamedProperty[] = [];
  walkSchema(schema, (node, pointer) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      found.push({ name, schema: child, pointer: `${pointer}/properties/${pointerSegment(name)}`, parent: pointer });
    }
  });
  return found;
}
