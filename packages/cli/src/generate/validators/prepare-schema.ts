// Readies one plan schema for compilation: patterns are checked the way the
// generated code will run them, and annotations are dropped because ajv would
// otherwise copy every description and label into the generated module.
import type { JsonSchema } from '../../model/types.js';
import { SEGMENT_ANNOTATION_KEYWORDS } from '../../schema/annotation-keywords.js';
import { escapePointerToken, mapSubschemas, type SchemaObject } from './map-subschemas.js';
import { restateProtoKeys } from './proto-key-schemas.js';
import { regexProblem } from '../../schema/regex-problem.js';

/** Keywords that never change a verdict (ajv runs without useDefaults). */
const ANNOTATION_KEYWORDS = new Set<string>([
  'title',
  'description',
  'examples',
  'default',
  '$comment',
  'readOnly',
  'writeOnly',
  'deprecated',
  ...SEGMENT_ANNOTATION_KEYWORDS,
]);

export function prepareSchema(validatorName: string, schema: JsonSchema): JsonSchema {
  return mapSubschemas(schema, (node, pointer) => {
    if (node.$async === true) {
      throw new Error(`cannot compile ${validatorName}: "$async" at ${pointer} is not supported, because plangen validators run synchronously. Remove it from the schema.`);
    }
    if (typeof node.pattern === 'string') checkPattern(validatorName, node.pattern, `${pointer}/pattern`);
    const patternProperties = node.patternProperties;
    if (typeof patternProperties === 'object' && patternProperties !== null) {
      for (const key of Object.keys(patternProperties)) checkPattern(validatorName, key, `${pointer}/patternProperties/${escapePointerToken(key)}`);
    }
    return restateProtoKeys(emptyEnumAsNothing(withoutAnnotations(node)));
  });
}

/**
 * `enum: []` admits no value (docs/plan-format.md, "Empty enums"); ajv refuses to compile it, so it
 * is restated as `not: {}`, which says the same, beside any other keyword of the schema.
 */
function emptyEnumAsNothing(node: SchemaObject): SchemaObject {
  if (!Array.isArray(node.enum) || node.enum.length > 0) return node;
  const { enum: _empty, ...rest } = node;
  return { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), { not: {} }] };
}

function withoutAnnotations(node: SchemaObject): SchemaObject {
  return Object.fromEntries(Object.entries(node).filter(([keyword]) => !ANNOTATION_KEYWORDS.has(keyword)));
}

/** Protocols permitted values are regular expressions; the validators run them with the `u` flag, as ajv does. */
function checkPattern(validatorName: string, pattern: string, pointer: string): void {
  const problem = regexProblem(pattern);
  if (problem === undefined) return;
  throw new Error(
    `cannot compile ${validatorName}: the pattern ${JSON.stringify(pattern)} at ${pointer} is not a valid regular expression with the u flag (Invalid regular expression: ${problem}). Fix the permitted values regex in the plan.`,
  );
}
