// Schemas no value can satisfy: every call that sends the property is a
// violation, which is never what the plan meant. Segment lets each of these be
// saved (an empty permitted-values cell is `enum: []`), so plangen loads them
// and lint says where they are.
import { parsePointer } from '../../schema/json-pointer.js';
import { walkSubschemas, type SchemaObject } from '../../schema/walk-subschemas.js';
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { allSchemas } from '../../model/plan-schemas.js';

/** Lower and upper bounds that contradict each other when the lower is greater. */
const BOUNDS = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
] as const;

export function unsatisfiableSchema({ model }: LintContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const plan of allSchemas(model)) {
    walkSubschemas(plan.schema, (node, pointer) => {
      const what = `${subject(pointer)} of ${plan.label}`;
      const add = (keyword: string, detail: string) => findings.push({ ...at(plan, `${pointer}/${keyword}`), detail });
      const problem = enumProblem(node);
      if (problem === 'empty') {
        add('enum', `${what} has an empty enum, so no value is valid (an empty permitted-values list accepts nothing). List the permitted values, or remove "enum" to accept any value`);
      } else if (problem !== undefined) {
        add('enum', `${what} is ${problem.types} but none of its enum values is (${problem.values}), so no value is valid. Make the type and the values agree`);
      }
      for (const [lower, upper] of BOUNDS) {
        const low = node[lower];
        const high = node[upper];
        if (typeof low === 'number' && typeof high === 'number' && low > high) {
          add(lower, `${what} has ${lower} ${low} greater than ${upper} ${high}, so no value is valid. Swap or correct the bounds`);
        }
      }
    });
  }
  return findings;
}

/** `property "total"`, `property "address.city"`, or where in the schema for a subschema that is no property. */
function subject(pointer: string): string {
  const tokens = parsePointer(pointer);
  const names: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (tokens[index] === 'properties' && index + 1 < tokens.length) names.push(tokens[++index]!);
    else if (names.length > 0 && tokens[index] !== 'items') return `the schema at ${pointer}`;
  }
  if (names.length === 0) return pointer === '' ? 'the schema' : `the schema at ${pointer}`;
  return `property ${JSON.stringify(names.join('.'))}${tokens.at(-1) === 'items' ? ' (its items)' : ''}`;
}

type EnumProblem = 'empty' | { readonly types: string; readonly values: string };

function enumProblem(node: SchemaObject): EnumProblem | undefined {
  const values = node.enum;
  if (!Array.isArray(values)) return undefined;
  if (values.length === 0) return 'empty';
  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type.filter((type): type is string => typeof type === 'string') : [];
  if (types.length === 0 || values.some((value) => types.some((type) => hasType(value, type)))) return undefined;
  const shown = values.slice(0, 3).map((value) => JSON.stringify(value)).join(', ') + (values.length > 3 ? ', ...' : '');
  return { types: types.length === 1 ? `type ${types[0]}` : `of type ${types.join(' or ')}`, values: shown };
}

/** JSON Schema's type test for one value. */
function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true; // a type plangen does not know was refused at load; nothing to add here
  }
}

