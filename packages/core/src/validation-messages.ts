// Turns ajv's error objects into plangen's ValidationErrors. Validators are compiled with
// `messages: false` to keep generated code small, so every sentence is built here from keyword + params.
import type { CompiledValidatorError, ValidationError } from './types.js';
import { comparePointers, escapePointerToken } from './json-pointer.js';

type Params = Readonly<Record<string, unknown>>;

/**
 * Readable errors located by RFC 6901 pointers (`base` + ajv's instancePath), sorted by pointer and
 * without duplicates, so the same payload always gives the same list whatever its key order.
 */
export function toValidationErrors(
  errors: readonly CompiledValidatorError[] | null | undefined,
  base: string,
): ValidationError[] {
  if (!Array.isArray(errors) || errors.length === 0) return [];
  const list: readonly CompiledValidatorError[] = errors;
  const branches = branchErrors(list);
  const result: ValidationError[] = [];
  for (let i = 0; i < list.length; i++) {
    const error = list[i];
    if (!isObject(error) || branches.inner.has(i)) continue;
    result.push(describe(error, base, branches.of.get(i) ?? []));
  }
  return orderErrors(result);
}

/** A ValidationError for a validator that threw instead of answering. */
export function exceptionError(thrown: unknown, base: string): ValidationError {
  return { pointer: base, keyword: 'exception', message: `could not be validated: the validator threw ${describeThrown(thrown)}` };
}

/** A ValidationError for an argument that throws when read (a revoked Proxy, a throwing getter); `what` names it. */
export function unreadableError(thrown: unknown, pointer: string, what: string): ValidationError {
  return { pointer, keyword: 'exception', message: `could not be read: reading ${what} threw ${describeThrown(thrown)}` };
}

// Keywords whose own error summarises the errors of their subschemas: listing every failed alternative
// of an anyOf, or every item that missed a `contains`, says less than the one summary sentence.
const SUMMARISING = new Set(['anyOf', 'oneOf', 'contains', 'propertyNames']);

interface Branches {
  /** Indexes of errors folded into a summarising error. */
  readonly inner: Set<number>;
  /** Summarising error index -> the errors it folds in. */
  readonly of: Map<number, CompiledValidatorError[]>;
}

// ajv pushes a summarising keyword's subschema errors right before its own error, so they form the
// contiguous block that precedes it. Walking backwards meets an outer summary before the summaries
// nested in it, so each inner error is claimed once, by its outermost summary: linear in the errors.
function branchErrors(errors: readonly CompiledValidatorError[]): Branches {
  const inner = new Set<number>();
  const of = new Map<number, CompiledValidatorError[]>();
  for (let i = errors.length - 1; i >= 0; i--) {
    const outer = errors[i];
    if (!isObject(outer) || inner.has(i) || !SUMMARISING.has(outer.keyword) || typeof outer.schemaPath !== 'string') continue;
    const claimed: CompiledValidatorError[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const candidate = errors[j];
      if (!isObject(candidate) || !isBranchOf(candidate, outer)) break;
      inner.add(j);
      claimed.push(candidate);
    }
    of.set(i, claimed.reverse());
  }
  return { inner, of };
}

// Inside the summarising keyword's schema, or inside a definition one of its branches refers to
// (ajv reports those by the definition's path) while looking at the same part of the payload.
function isBranchOf(candidate: CompiledValidatorError, outer: CompiledValidatorError): boolean {
  const path = candidate.schemaPath;
  if (typeof path !== 'string') return false;
  if (path.startsWith(`${String(outer.schemaPath)}/`)) return true;
  const referenced = path.startsWith('#/definitions/') || path.startsWith('#/$defs/');
  return referenced && typeof candidate.instancePath === 'string' && candidate.instancePath.startsWith(outer.instancePath);
}

function describe(error: CompiledValidatorError, base: string, inner: readonly CompiledValidatorError[]): ValidationError {
  const params: Params = isObject(error.params) ? error.params : {};
  const keyword = text(error.keyword);
  const at = `${base}${typeof error.instancePath === 'string' ? error.instancePath : ''}`;
  const located = (pointer: string, message: string): ValidationError => ({ pointer, message, keyword });
  switch (keyword) {
    case 'required':
      return located(keyPointer(at, params['missingProperty']), 'is required');
    case 'dependencies':
    case 'dependentRequired':
      return located(
        keyPointer(at, params['missingProperty']),
        `is required when ${quote(params['property'])} is present`,
      );
    case 'additionalProperties':
      return located(keyPointer(at, params['additionalProperty']), 'is not allowed by the plan');
    case 'unevaluatedProperties':
      return located(keyPointer(at, params['unevaluatedProperty']), 'is not allowed by the plan');
    case 'propertyNames': {
      const reasons = inner.map((reason) => sentence(text(reason.keyword), isObject(reason.params) ? reason.params : {}));
      const why = reasons.length > 0 ? `: ${reasons.join(', ')}` : '';
      return located(keyPointer(at, params['propertyName']), `is not an allowed property name${why}`);
    }
    case 'anyOf':
    case 'oneOf':
      return located(at, alternativesSentence(keyword, params, inner, error));
    default:
      return located(at, sentence(keyword, params, error.message));
  }
}

// Errors about one property point at it; without a property name they point at the object. Not
// childPointer: its variadic form would cost every development bundle a map and a join.
function keyPointer(at: string, key: unknown): string {
  return typeof key === 'string' ? `${at}/${escapePointerToken(key)}` : at;
}

// The sentence for one keyword, without the location.
function sentence(keyword: string, params: Params, ajvMessage?: string): string {
  switch (keyword) {
    case 'type':
      return `must be ${typeNames(params['type']).join(' or ')}`;
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      return allowed.length === 1 ? `must be ${literal(allowed[0])}` : `must be one of ${allowed.map(literal).join(', ')}`;
    }
    case 'const':
      return `must be ${literal(params['allowedValue'])}`;
    case 'pattern':
      return `must match pattern ${quote(params['pattern'])}`;
    case 'format':
      return `must match format ${quote(params['format'])}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'formatMinimum':
    case 'formatMaximum':
    case 'formatExclusiveMinimum':
    case 'formatExclusiveMaximum':
      return `must be ${text(params['comparison'])} ${literal(params['limit'])}`;
    case 'multipleOf':
      return `must be a multiple of ${literal(params['multipleOf'])}`;
    case 'minLength':
      return `must have at least ${counted(params['limit'], 'character')}`;
    case 'maxLength':
      return `must have at most ${counted(params['limit'], 'character')}`;
    case 'minItems':
      return `must have at least ${counted(params['limit'], 'item')}`;
    case 'maxItems':
    case 'additionalItems':
    case 'items':
    case 'unevaluatedItems':
      return `must have at most ${counted(params['limit'], 'item')}`;
    case 'minProperties':
      return `must have at least ${counted(params['limit'], 'property', 'properties')}`;
    case 'maxProperties':
      return `must have at most ${counted(params['limit'], 'property', 'properties')}`;
    case 'uniqueItems':
      return `must not contain duplicates (items ${text(params['j'])} and ${text(params['i'])} are identical)`;
    case 'contains':
      return typeof params['maxContains'] === 'number'
        ? `must contain between ${text(params['minContains'])} and ${counted(params['maxContains'], 'matching item')}`
        : `must contain at least ${counted(params['minContains'], 'matching item')}`;
    case 'not':
      return 'must not match the schema the plan forbids';
    case 'if':
      return `must match the ${quote(params['failingKeyword'])} schema`;
    case 'false schema':
      return 'is not allowed by the plan';
    case 'discriminator':
      return `has an invalid discriminator ${quote(params['tag'])}`;
    default:
      return typeof ajvMessage === 'string' && ajvMessage !== ''
        ? ajvMessage
        : `does not satisfy the ${quote(keyword)} rule of the plan`;
  }
}

// anyOf/oneOf: when every alternative only failed on its type (how nullable values are often written),
// name the types; otherwise a sentence about the alternatives.
function alternativesSentence(
  keyword: string,
  params: Params,
  inner: readonly CompiledValidatorError[],
  outer: CompiledValidatorError,
): string {
  const passing = params['passingSchemas'];
  if (keyword === 'oneOf' && Array.isArray(passing)) {
    return `must match exactly one of the allowed schemas, but matches schemas ${passing.map(String).join(' and ')}`;
  }
  const onlyTypes =
    inner.length > 0 &&
    inner.every((error) => error.keyword === 'type' && error.instancePath === outer.instancePath && isObject(error.params));
  if (onlyTypes) {
    const names = inner.flatMap((error) => typeNames(error.params['type']));
    return `must be ${[...new Set(names)].join(' or ')}`;
  }
  return keyword === 'oneOf' ? 'must match exactly one of the allowed schemas' : 'must match at least one of the allowed schemas';
}

function typeNames(type: unknown): string[] {
  if (Array.isArray(type)) return type.map(text);
  return text(type).split(',');
}

function counted(limit: unknown, noun: string, plural = `${noun}s`): string {
  return `${text(limit)} ${limit === 1 ? noun : plural}`;
}

function quote(value: unknown): string {
  return `"${text(value)}"`;
}

// Schema values (enum, const, limits) printed as JSON: `"fall"`, `3`, `null`.
function literal(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // Not JSON (a cycle or a BigInt): fall through to text.
  }
  return text(value);
}

// String(value) for anything, also objects without a prototype or with a throwing toString.
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '(a value that cannot be printed)';
  }
}

function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : text(thrown);
  } catch {
    return '(a value that cannot be printed)';
  }
}

function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null;
}

/** Drops repeated errors and sorts by pointer (stable, so errors at one pointer keep the schema's order). */
export function orderErrors(errors: readonly ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  const unique = errors.filter((error) => {
    const key = `${error.pointer}\u0000${error.keyword}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => comparePointers(a.pointer, b.pointer));
}
