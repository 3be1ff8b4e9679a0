// ajv skips a `__proto__` entry of `properties` and of `dependencies` (ajv 8: `allSchemaProperties`
// and the dependencies keyword filter it out, to keep its own code safe), so a plan property named
// `__proto__` would be neither type-checked nor known to `additionalProperties: false`, although the
// generated TypeScript type declares it. The same constraint is restated with keywords ajv does apply
// to that key: an exact-match `patternProperties` entry and an `if`/`then` on its presence.
import type { SchemaObject } from './map-subschemas.js';

const PROTO = '__proto__';
/** Matches exactly the key `__proto__`, and nothing else. */
const PROTO_PATTERN = '^__proto__$';

/** `node` with its `__proto__` property and dependency restated where ajv sees them; `node` itself when it has neither. */
export function restateProtoKeys(node: SchemaObject): SchemaObject {
  const properties = node['properties'];
  const dependencies = node['dependencies'];
  const inProperties = isMap(properties) && Object.hasOwn(properties, PROTO);
  const inDependencies = isMap(dependencies) && Object.hasOwn(dependencies, PROTO);
  if (!inProperties && !inDependencies) return node;

  const copy: SchemaObject = { ...node };
  const allOf: unknown[] = Array.isArray(node['allOf']) ? [...(node['allOf'] as unknown[])] : [];
  if (inProperties) {
    const { [PROTO]: schema, ...rest } = properties;
    copy['properties'] = rest;
    const patterns: SchemaObject = isMap(node['patternProperties']) ? { ...node['patternProperties'] } : {};
    // A plan may already hold this very pattern; both schemas then apply, as they would have.
    patterns[PROTO_PATTERN] = Object.hasOwn(patterns, PROTO_PATTERN) ? { allOf: [patterns[PROTO_PATTERN], schema] } : schema;
    copy['patternProperties'] = patterns;
  }
  if (inDependencies) {
    const { [PROTO]: dependency, ...rest } = dependencies;
    copy['dependencies'] = rest;
    allOf.push({ if: { required: [PROTO] }, then: Array.isArray(dependency) ? { required: dependency } : dependency });
  }
  if (allOf.length > 0) copy['allOf'] = allOf;
  return copy;
}

function isMap(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
