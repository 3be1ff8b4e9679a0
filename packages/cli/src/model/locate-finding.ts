// file:line:col of a finding (lint's, or generate's pattern refusal), through the
// plan's locator. Model elements carry a SourceRef; a place inside
// one of their schemas is found by trying where plan formats write that schema
// (native `properties`/`traits` maps, a raw `schema` or `payload`, Segment's
// `jsonSchema`), then the nearest enclosing node that exists, then the element.
import type { ErrorLocation } from '../errors.js';
import type { Locator } from './locator.js';
import type { SourceRef } from './types.js';

/**
 * Where each format writes a schema, relative to its element's pointer: the
 * native notation (`properties:`/`traits:` maps, `schema:`, `payload:`), the
 * Public API's `jsonSchema` and the Config API's `rules` (whole-payload schemas,
 * in which properties sit under `properties.properties` and traits under `properties.traits`).
 */
const SCHEMA_PLACES: Readonly<Record<SchemaKind, readonly string[]>> = {
  properties: ['', '/schema', '/jsonSchema', '/jsonSchema/properties/properties', '/rules/properties/properties', '/payload/properties/properties'],
  traits: ['', '/schema', '/jsonSchema', '/properties/traits', '/jsonSchema/properties/traits', '/payload/properties/traits'],
  payload: ['/payload', '/rules', '/jsonSchema', ''],
  common: ['', '/jsonSchema'],
};

type SchemaKind = 'properties' | 'traits' | 'payload' | 'common';

export function findingLocation(locator: Locator, source: SourceRef, schemaPointer = '', kind: SchemaKind = 'properties'): ErrorLocation {
  for (let pointer = schemaPointer; ; pointer = parentPointer(pointer)) {
    for (const candidate of candidates(source.pointer, pointer, kind)) {
      const position = locator.locate({ file: source.file, pointer: candidate });
      if (position) return { file: source.file, line: position.line, column: position.column };
    }
    if (pointer === '') break;
  }
  return { file: source.file, pointer: `${source.pointer}${schemaPointer}` };
}

function candidates(element: string, pointer: string, kind: SchemaKind): string[] {
  // The native notation lists traits under `traits:` where the schema has `properties`.
  const native = kind === 'traits' && pointer.startsWith('/properties/') ? [`${element}/traits${pointer.slice('/properties'.length)}`] : [];
  return [...native, ...SCHEMA_PLACES[kind].map((place) => `${element}${place}${pointer}`)];
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}
