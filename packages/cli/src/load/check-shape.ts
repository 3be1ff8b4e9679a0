// Checks a plan document against the JSON Schema of its format and turns the
// first ajv error into one located sentence with a fix. ajv reports every
// failed branch of an anyOf; the deepest error is the one the author needs.
import type { ErrorObject } from 'ajv';
import type { PrecompiledCheck } from './precompiled/plan-checks.js';
import { describePath } from './describe-path.js';
import { errorAt } from '../model/located-error.js';
import { parsePointer } from './locate.js';
import { DATA_TYPES } from './plangen-format.js';
import type { SourceDocument } from './source-document.js';
import { quote } from '../messages/quote.js';
import { escapePointerToken } from '../schema/json-pointer.js';

/** `validate`: a format's shape check, compiled ahead of time by ajv standalone with `verbose` errors. */
export function checkShape(source: SourceDocument, validate: PrecompiledCheck): void {
  if (validate(source.data)) return;
  const error = pickError(validate.errors ?? []);
  if (error !== undefined) throw explain(error, source);
}

/** Keywords that only summarize errors reported below them. */
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'if', 'not']);
/** At the same depth, the more specific complaint wins; `type` mismatches of a wrong anyOf branch come last. */
const PRIORITY = ['additionalProperties', 'required', 'enum', 'minimum', 'minLength', 'minItems'];

function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const rank = (error: ErrorObject) => {
    const index = PRIORITY.indexOf(error.keyword);
    return index === -1 ? PRIORITY.length : index;
  };
  return errors
    .filter((error) => !SUMMARY_KEYWORDS.has(error.keyword))
    .sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0];
}

function depth(error: ErrorObject): number {
  return parsePointer(error.instancePath).length;
}

function explain(error: ErrorObject, source: SourceDocument) {
  const { file, data } = source;
  const segments = parsePointer(error.instancePath);
  const here = { file, pointer: error.instancePath };
  const subject = describePath(segments, data);
  const last = segments.at(-1);
  const value: unknown = error.data;

  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return errorAt(
        { file, pointer: `${error.instancePath}/${escapePointerToken(extra)}` },
        `unknown key ${quote(extra)} in ${subject}`,
        allowed.length > 0 ? `Use one of: ${allowed.join(', ')}` : `Remove ${quote(extra)}`,
      );
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      const fix = missing === 'version' ? 'Add "version" with a positive integer unique within the event' : `Add ${quote(missing)}`;
      return errorAt(here, `${subject} is missing ${quote(missing)}`, fix);
    }
    case 'enum': {
      const typeIndex = segments.lastIndexOf('type');
      if (isPropertyType(segments, typeIndex)) {
        const owner = describePath(segments.slice(0, typeIndex), data);
        if (typeof value !== 'string') {
          return errorAt(here, `the data type of ${owner} must be a type name or a list of them, not ${kindOf(value)}`, `Use one of: ${DATA_TYPES.join(', ')}`, 'value');
        }
        const fix = value === 'null' ? `Use nullable: true for null, and one of: ${DATA_TYPES.join(', ')}` : `Use one of: ${DATA_TYPES.join(', ')}`;
        return errorAt(here, `unknown data type ${JSON.stringify(value)} for ${owner}`, fix, 'value');
      }
      const allowed = (error.params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(', ');
      return errorAt(here, `${subject} has the unknown value ${JSON.stringify(value)}`, `Use one of: ${allowed}`, 'value');
    }
    case 'minLength':
      if (segments.length === 1 && last === 'name') return errorAt(here, 'the plan has an empty name', 'Give it a name, e.g. name: Shop', 'value');
      return errorAt(here, `${subject} is empty`, 'Write a value', 'value');
    case 'minItems':
      return errorAt(here, `${subject} is an empty list`, 'Add at least one entry, or remove the key', 'value');
    case 'type':
    case 'minimum':
    case 'maximum':
      if (last === 'version' && segments.length >= 2) {
        const owner = describePath(segments.slice(0, segments.length >= 4 && segments[0] === 'events' ? 2 : -1), data);
        const written = typeof value === 'number' ? String(value) : JSON.stringify(value);
        return errorAt(here, `version ${written} of ${owner} is not a positive integer`, 'Number versions 1, 2, 3 and so on', 'value');
      }
      if (error.keyword === 'type') {
        const expected = String(error.params.type);
        const fix = expected === 'boolean' ? 'Write true or false' : `Write ${article(expected)}`;
        return errorAt(here, `${subject} must be ${article(expected)}, not ${kindOf(value)}`, fix, 'value');
      }
      break;
  }
  return errorAt(here, `${subject} ${error.message ?? 'is invalid'}`, undefined, 'value');
}

/** The `type` of a property in the simple notation (…/properties/<name>/type or …/items/type, maybe a list entry). */
function isPropertyType(segments: readonly string[], typeIndex: number): boolean {
  if (typeIndex < 1 || typeIndex < segments.length - 2) return false;
  const parent = segments[typeIndex - 1];
  return parent === 'items' || ['properties', 'traits'].includes(segments[typeIndex - 2] ?? '');
}


function article(types: string): string {
  return types
    .split(',')
    .map((type) => (type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : type === 'null' ? 'null' : `a ${type}`))
    .join(' or ');
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

