// The types of the one combined schema json-schema-to-typescript reads (under TYPES_KEY):
// every generated type under its model name, plus the plan schemas' own
// definitions hoisted beside them. A definition that several schemas carry with
// the same content (an `address` in v1 and v2) becomes one shared type.
import type { JsonSchema } from '../model/types.js';
import { escapePointerToken, parsePointer } from '../schema/json-pointer.js';
import { canonicalRef } from '../schema/resolve-ref.js';
import type { Placeholders } from './placeholders.js';
import { typingSchema, type TypingContext } from './typing-schema.js';

export interface TypingEntry {
  readonly name: string;
  readonly schema: JsonSchema;
}

type Json = unknown;

/**
 * Where the combined schema keeps its types. Not `definitions`: json-schema-to-typescript searches the
 * definitions for every schema it parses, which made a 500-event plan spend a third of its type time there.
 * Each type gets its key as its title instead, which names it the same way.
 */
export const TYPES_KEY = 'plangenTypes';

/**
 * `reserved`: names the rest of the generated file declares or imports. Hoisted definitions and nested
 * interfaces take names outside it and outside the model's type names, so no two declarations clash.
 * The result is keyed by placeholders, as json-schema-to-typescript sees the names.
 */
export function typingDefinitions(
  entries: readonly TypingEntry[],
  reserved: readonly string[],
  placeholders: Placeholders,
): Record<string, JsonSchema> {
  const names = new TypingNames(entries, reserved, placeholders);
  const types: [string, JsonSchema][] = [];
  const hoisted: [string, JsonSchema][] = [];
  for (const entry of entries) {
    const typed = names.typeEntry(entry);
    types.push(typed.type);
    hoisted.push(...typed.hoisted);
  }
  // Titled by their keys, as json-schema-to-typescript would name a definition: `type PostCode = string`.
  return Object.fromEntries([...types, ...hoisted].map(([key, schema]) => [key, schema.title === undefined ? { ...schema, title: key } : schema]));
}

/**
 * The names the typing of a plan's entries takes, entry after entry: the entries must be typed in plan order
 * (a name goes to the first entry that claims it). `claimed` records every name an entry takes and the base it
 * asked for, so a run that reuses an entry's types from a cache can replay its claims (`claimAll`).
 */
export class TypingNames {
  readonly #taken: Set<string>;
  readonly #sharedByContent = new Map<string, string>();

  constructor(
    entries: readonly TypingEntry[],
    reserved: readonly string[],
    readonly placeholders: Placeholders,
  ) {
    this.#taken = new Set([...reserved, ...entries.map((entry) => entry.name)]);
  }

  /**
   * The entry's typing schema under its placeholder key, and the definitions it hoists (in the order it owns
   * them); `claimed` gets each name taken, with the base it was asked for, in order.
   */
  typeEntry(entry: TypingEntry, claimed?: [base: string, name: string][]): { type: [string, JsonSchema]; hoisted: [string, JsonSchema][] } {
    const { placeholders } = this;
    const claim = (base: string): string => {
      const name = freeName(base, this.#taken);
      claimed?.push([base, name]);
      return name;
    };
    const local = new Map<string, string>();
    const owned: [string, Json][] = [];
    for (const { pointer, key, definition } of definitionsOf(entry.schema, '')) {
      // Only self-contained definitions can be shared: a `$ref` inside means something else in another schema.
      const content = JSON.stringify(definition);
      const shareable = !content.includes('"$ref"');
      let name = shareable ? this.#sharedByContent.get(content) : undefined;
      if (name === undefined) {
        name = claim(pascal(key) || 'Definition');
        owned.push([name, definition]);
        if (shareable) this.#sharedByContent.set(content, name);
      }
      local.set(`#${pointer}`, name);
    }
    const context: TypingContext = { rewriteRef: rewriter(entry.name, local, placeholders), claimName: claim, placeholders };
    const type: [string, JsonSchema] = [placeholders.type(entry.name), typingSchema(asObject(entry.schema), entry.name, context)];
    const hoisted = owned.map(([name, definition]): [string, JsonSchema] => [placeholders.type(name), typingSchema(definition as JsonSchema, name, context)]);
    return { type, hoisted };
  }

  /**
   * Takes the names of `claims` (an earlier typing's `claimed`) when each base still gives the same name
   * now; else takes none and returns false. An entry without definitions whose claims replay is typed
   * exactly as then: its schema's typing reads nothing else of the plan.
   */
  claimAll(claims: readonly (readonly [base: string, name: string])[]): boolean {
    const taken = new Set<string>();
    const isTaken = { has: (name: string) => this.#taken.has(name) || taken.has(name), add: (name: string) => taken.add(name) };
    for (const [base, name] of claims) if (freeName(base, isTaken) !== name) return false;
    for (const name of taken) this.#taken.add(name);
    return true;
  }
}

/** Whether the entry's schema has definitions to hoist (whose names other entries' typings may share). */
export function hoistsDefinitions(schema: JsonSchema): boolean {
  return definitionsOf(schema, '').length > 0;
}

/**
 * The definitions a schema hoists, with their pointers: its own `definitions`/`$defs`, and theirs in
 * turn (`#/definitions/outer/definitions/inner`), since a hoisted definition leaves its own out too.
 */
function definitionsOf(schema: JsonSchema, base: string): { pointer: string; key: string; definition: JsonSchema }[] {
  const found: { pointer: string; key: string; definition: JsonSchema }[] = [];
  for (const keyword of ['definitions', '$defs'] as const) {
    const definitions = schema[keyword];
    if (!definitions || typeof definitions !== 'object') continue;
    for (const [key, definition] of Object.entries(definitions)) {
      const pointer = `${base}/${keyword}/${escapePointerToken(key)}`;
      found.push({ pointer, key, definition: definition as JsonSchema });
      if (typeof definition === 'object') found.push(...definitionsOf(definition, pointer));
    }
  }
  return found;
}

// Properties and traits are always objects on the wire, even when the plan leaves `type` out.
function asObject(schema: JsonSchema): JsonSchema {
  return schema.type === undefined && schema.$ref === undefined ? { ...schema, type: 'object' } : schema;
}

// `#/definitions/address/properties/city` -> `#/definitions/<Address>/properties/<city>` (placeholders);
// any other local pointer is re-rooted under the owning type.
function rewriter(typeName: string, local: ReadonlyMap<string, string>, placeholders: Placeholders): TypingContext['rewriteRef'] {
  // Longest first: `#/definitions/outer/definitions/inner` is its own type, not a path inside `Outer`.
  const pointers = [...local].sort(([a], [b]) => b.length - a.length);
  return (encoded) => {
    // A fragment may percent-encode its pointer (`#/$defs/post%20code`, `#/definitions/a%2Fb`): resolved as ajv does.
    const ref = canonicalRef(encoded);
    for (const [pointer, name] of pointers) {
      if (ref === pointer || ref.startsWith(`${pointer}/`)) return `#/${TYPES_KEY}/${placeholders.type(name)}${withKeys(ref.slice(pointer.length), placeholders)}`;
    }
    return `#/${TYPES_KEY}/${placeholders.type(typeName)}${withKeys(ref.slice(1), placeholders)}`;
  };
}

// Property keys inside a pointer are placeholders too: `/properties/city` -> `/properties/plangenKey3`.
function withKeys(pointer: string, placeholders: Placeholders): string {
  const segments = parsePointer(pointer);
  const mapped = segments.map((segment, index) => (segments[index - 1] === 'properties' ? placeholders.key(segment) : segment));
  return mapped.map((segment) => `/${escapePointerToken(segment)}`).join('');
}

function pascal(key: string): string {
  return (key.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('').replace(/^[0-9]+/, '');
}

function freeName(base: string, taken: Pick<Set<string>, 'has' | 'add'>): string {
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}${suffix}`;
  taken.add(name);
  return name;
}
