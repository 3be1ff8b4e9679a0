// Visits every subschema of a plan schema with its JSON pointer. References are
// not followed: definitions are visited where they are written, so each
// property and pattern is reported once, at the place to edit.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { childPointer } from '../schema/json-pointer.js';
import { walkSubschemas } from '../schema/walk-subschemas.js';

/** Every object subschema (schema/walk-subschemas.ts's keyword list), typed as lint reads it. */
export function walkSchema(schema: JSONSchema7Definition, visit: (schema: JSONSchema7, pointer: string) => void, pointer = ''): void {
  walkSubschemas(schema, (node, at) => visit(node as JSONSchema7, at), pointer);
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
      found.push({ name, schema: child, pointer: childPointer(pointer, 'properties', name), parent: pointer });
    }
  });
  return found;
}
