// One schema <-> the cells of its row. The columns hold what the Protocols
// editor shows (data type, description, required, permitted values, regex);
// nested properties and array items become rows of their own; every other
// keyword stays, as JSON, in the row's "JSON Schema" cell, so nothing is lost
// and the spreadsheet still reads like the editor.
import type { JsonSchema } from '../model/types.js';
import { isSchemaObject } from '../schema/walk-subschemas.js';
import { DATA_TYPES } from './csv-columns.js';

type Schema = Record<string, unknown>;

export interface SchemaCells {
  readonly dataType: string;
  /** The schema's own description; a root row's Description column is the version's, so it stays in `rest` there. */
  readonly description?: string;
  readonly permittedValues: string;
  readonly regex: string;
  /** Keywords the columns do not hold; the "JSON Schema" cell (empty when none). */
  readonly rest: Schema;
  /** The whole schema is `true` or `false`. */
  readonly boolean?: boolean;
  /** Nested property rows, in order, with whether each is required (Status). */
  readonly properties: readonly { readonly name: string; readonly schema: JsonSchema | boolean; readonly required: boolean }[];
  /** Whether the Status cells of the property rows say which are required (else `required` is in `rest`). */
  readonly statuses?: boolean;
  /** The items row (`name[]`). */
  readonly items?: JsonSchema;
}

export const TYPE_SEPARATOR = ' | ';

export function schemaCells(schema: JsonSchema | boolean, root: boolean): SchemaCells {
  const empty = { dataType: '', permittedValues: '', regex: '', rest: {}, properties: [] };
  if (typeof schema === 'boolean') return { ...empty, boolean: schema };
  const rest: Schema = { ...(schema as Schema) };
  const take = (key: string) => {
    const value = rest[key];
    delete rest[key];
    return value;
  };

  const types = typeList(rest.type, rest.format);
  let dataType = '';
  if (types !== undefined) {
    dataType = types.join(TYPE_SEPARATOR);
    take('type');
    if (types.includes('date-time')) take('format');
  } else if (rest.type === undefined) {
    dataType = 'any';
  }

  let description: string | undefined;
  // An empty cell means no keyword: an empty description or pattern stays, as written, in JSON.
  if (!root && typeof rest.description === 'string' && rest.description !== '') description = take('description') as string;
  const regex = typeof rest.pattern === 'string' && rest.pattern !== '' && !/[\r\n]/.test(rest.pattern) ? (take('pattern') as string) : '';
  let permittedValues = '';
  if (Array.isArray(rest.enum) && types !== undefined) {
    const lines = enumLines(rest.enum, types);
    if (lines !== undefined) {
      permittedValues = lines.join('\n');
      take('enum');
    }
  }

  let properties: SchemaCells['properties'] = [];
  let statuses = false;
  if (rowsCanHoldProperties(rest.properties)) {
    const map = take('properties') as Record<string, JsonSchema | boolean>;
    // `required` out of property order stays in JSON, and the Status cells stay empty.
    statuses = requiredInOrder(Object.keys(map), rest.required);
    const required = new Set(statuses ? ((take('required') as string[] | undefined) ?? []) : []);
    properties = Object.entries(map).map(([name, child]) => ({ name, schema: child, required: required.has(name) }));
  }
  const items = isSchemaObject(rest.items) ? (take('items') as JsonSchema) : undefined;
  return { dataType, ...(description !== undefined ? { description } : {}), permittedValues, regex, rest, properties, statuses, ...(items !== undefined ? { items } : {}) };
}

/** The Data Type column's names for `type` (+ date-time `format`), or undefined when it cannot say it. */
function typeList(type: unknown, format: unknown): string[] | undefined {
  const names = typeof type === 'string' ? [type] : Array.isArray(type) && type.length > 1 ? type : undefined;
  if (names === undefined || !names.every((name) => typeof name === 'string' && name !== 'any' && name !== 'date-time' && (DATA_TYPES as readonly string[]).includes(name))) return undefined;
  if (new Set(names).size !== names.length) return undefined;
  const list = names as string[];
  if (format === 'date-time' && list.filter((name) => name === 'string').length === 1) return list.map((name) => (name === 'string' ? 'date-time' : name));
  return list;
}

/** One line per value, when each line reads back as that value under the data type; else undefined. */
function enumLines(values: readonly unknown[], types: readonly string[]): string[] | undefined {
  if (values.length === 0) return undefined;
  const lines = values.map((value) => enumLine(value, types));
  if (lines.some((line) => line === undefined)) return undefined;
  // A repeated value is kept as written, in JSON.
  return new Set(lines).size === lines.length ? (lines as string[]) : undefined;
}

function enumLine(value: unknown, types: readonly string[]): string | undefined {
  const kind = valueKind(types);
  if (kind === 'string' && typeof value === 'string' && value !== '' && !/[\r\n]/.test(value) && value.trim() === value) return value;
  if (kind === 'number' && typeof value === 'number' && Number.isFinite(value) && Number(String(value)) === value) return String(value);
  if (kind === 'boolean' && typeof value === 'boolean') return String(value);
  return undefined;
}

/** How Permitted Values lines read for these data types: as text, numbers or booleans (one kind only). */
export function valueKind(types: readonly string[]): 'string' | 'number' | 'boolean' | undefined {
  if (types.length > 0 && types.every((type) => type === 'string' || type === 'date-time')) return 'string';
  if (types.length > 0 && types.every((type) => type === 'integer' || type === 'number')) return 'number';
  if (types.length === 1 && types[0] === 'boolean') return 'boolean';
  return undefined;
}

/** Rows can hold `properties` when it is a non-empty map of schemas with non-empty names. */
function rowsCanHoldProperties(properties: unknown): properties is Record<string, unknown> {
  if (!isSchemaObject(properties)) return false;
  const names = Object.keys(properties);
  return names.length > 0 && !names.includes('') && Object.values(properties).every((child) => typeof child === 'boolean' || isSchemaObject(child));
}

/** Status cells rebuild `required` in property order: absent, or some of the names, once each, in that order. */
function requiredInOrder(names: readonly string[], required: unknown): boolean {
  if (required === undefined) return true;
  if (!Array.isArray(required) || required.length === 0 || new Set(required).size !== required.length) return false;
  return JSON.stringify(names.filter((name) => required.includes(name))) === JSON.stringify(required);
}

/** JSON for the "JSON Schema" cell: compact, keys as written; empty when there is nothing. */
export function restCell(cells: SchemaCells): string {
  if (cells.boolean !== undefined) return String(cells.boolean);
  return Object.keys(cells.rest).length > 0 ? JSON.stringify(cells.rest) : '';
}
