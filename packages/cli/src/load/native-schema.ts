// Turns the native property notation into JSON Schema (draft-07), the form every
// later stage reads. Objects that list their properties reject unlisted ones
// unless `additionalProperties: true` is set on them or inherited from the event,
// the version or the plan (docs/plan-format.md, "Extra properties").
import type { JsonSchema } from '../model/types.js';
import { PASS_THROUGH_KEYS, type DataType, type NativeProperty } from './plangen-format.js';

type JsonType = 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string' | 'null';

/** The schema of an object whose properties are listed as a native property map. */
export function objectSchema(properties: Readonly<Record<string, NativeProperty>>, additionalProperties: boolean): JsonSchema {
  const required = Object.keys(properties).filter((name) => properties[name]?.required === true);
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, propertySchema(property, additionalProperties)])),
  };
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = additionalProperties;
  return schema;
}

export function propertySchema(property: NativeProperty, inheritedAdditional: boolean): JsonSchema {
  const schema: JsonSchema = {};
  const declared = dataTypes(property);
  if (declared.includes('any')) {
    // "any" admits every value, null included; the other keys still apply.
  } else {
    const types = new Set<JsonType>(
      declared.filter((type): type is Exclude<DataType, 'any'> => type !== 'any').map((type) => (type === 'date-time' ? 'string' : type)),
    );
    if (property.nullable) types.add('null');
    const list = [...types];
    schema.type = list.length === 1 ? list[0] : list;
    // A plain string alongside date-time would be narrowed by the format, so only date-time alone sets it.
    if (declared.includes('date-time') && !declared.includes('string')) schema.format = 'date-time';
  }
  for (const key of PASS_THROUGH_KEYS) if (property[key] !== undefined) Object.assign(schema, { [key]: property[key] });
  if (property.enum !== undefined) {
    const values = property.enum as JsonSchema['enum'] & unknown[];
    schema.enum = property.nullable && !values.includes(null) ? [...values, null] : values;
  }
  const additional = property.additionalProperties ?? inheritedAdditional;
  if (property.properties !== undefined) {
    const object = objectSchema(property.properties, additional);
    schema.properties = object.properties;
    if (object.required) schema.required = object.required;
    schema.additionalProperties = additional;
  }
  if (property.items !== undefined) schema.items = propertySchema(property.items, additional);
  return schema;
}

/** The declared types; without `type`, listed properties mean an object and `items` an array. */
function dataTypes(property: NativeProperty): readonly DataType[] {
  if (property.type !== undefined) return Array.isArray(property.type) ? property.type : [property.type];
  if (property.properties !== undefined) return ['object'];
  if (property.items !== undefined) return ['array'];
  return ['any'];
}
