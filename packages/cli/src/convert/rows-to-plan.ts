// Spreadsheet records -> a native plan document (what `import --from csv`
// writes as plan.yaml). Each row is checked where it is: an unknown kind or
// data type, a property row before any event, a path whose parent has no row,
// JSON that does not parse are errors at `file:line:column` with the fix.
import { PlanError } from '../errors.js';
import type { JsonSchema } from '../model/types.js';
import { isSchemaObject } from '../schema/walk-subschemas.js';
import { DATA_TYPES, ROW_KINDS, STATUSES, type CsvColumn, type RowKind } from './csv-columns.js';
import type { NativeCall, NativeEvent, NativePlan, NativeVersion } from './native-plan.js';
import { formatPath, parsePath } from './property-path.js';
import type { CsvCell, CsvRecord } from './read-csv.js';
import { valueKind } from './schema-cells.js';

type Schema = Record<string, unknown>;

interface Body {
  schema: Schema | boolean;
  payload?: Schema;
  /** Whether rows gave it anything (cells, properties, payload): an event row without a version that has is version 1. */
  filled: boolean;
}

interface EventDraft {
  readonly line: number;
  description?: string;
  labels?: Record<string, string>;
  body?: Body;
  versions: (NativeVersion & { body: Body })[];
}

export function rowsToPlan(records: readonly CsvRecord[], file: string, fallbackName: string, warn: (warning: PlanError) => void): NativePlan {
  const fail = (cell: CsvCell | undefined, line: number, problem: string, fix: string): never => {
    throw new PlanError({ file, line: cell?.line ?? line, column: cell?.column ?? 1 }, problem, fix);
  };
  let name: string | undefined;
  let description: string | undefined;
  const events = new Map<string, EventDraft>();
  const calls: Partial<Record<'identify' | 'group' | 'page' | 'screen', Body & { description?: string }>> = {};
  let common: Schema | undefined;
  let target: { body: Body; label: string } | undefined;
  const required = new Map<Schema, string[]>();

  for (const record of records) {
    const { cells, line } = record;
    const cell = (column: CsvColumn) => cells[column];
    const text = (column: CsvColumn) => cells[column]?.value;
    const kindCell = cell('Kind');
    const kind = kindCell?.value.trim().toLowerCase() as RowKind | undefined;
    if (kind === undefined || !(ROW_KINDS as readonly string[]).includes(kind)) {
      fail(kindCell, line, kind === undefined ? 'the row has no Kind' : `unknown Kind ${JSON.stringify(kindCell!.value)}`, `Use one of: ${ROW_KINDS.join(', ')}`);
    }
    const refuse = (columns: readonly CsvColumn[], what: string) => {
      for (const column of columns) if (cell(column) !== undefined) fail(cell(column), line, `a ${what} row has no ${column}`, `Leave ${column} empty on ${what} rows`);
    };

    if (kind === 'plan') {
      refuse(['Version', 'Status', 'Data Type', 'Permitted Values', 'Regex', 'Labels', 'JSON Schema'], 'plan');
      if (name !== undefined) fail(kindCell, line, 'a second plan row', 'Keep one plan row');
      name = requiredName(cell('Name'), line, 'plan', fail);
      description = text('Description');
      continue;
    }
    if (kind === 'common') {
      refuse(['Name', 'Version', 'Description', 'Status', 'Data Type', 'Permitted Values', 'Regex', 'Labels'], 'common');
      if (common !== undefined) fail(kindCell, line, 'a second common row', 'Keep one common row');
      common = jsonObject(cell('JSON Schema'), line, 'the common schema', fail);
      target = undefined;
      continue;
    }
    if (kind === 'payload') {
      refuse(['Name', 'Version', 'Description', 'Status', 'Data Type', 'Permitted Values', 'Regex', 'Labels'], 'payload');
      if (target === undefined) fail(kindCell, line, 'a payload row before any event', 'Put it under the event version (or identify, group, page, screen row) it belongs to');
      if (target!.body.payload !== undefined) fail(kindCell, line, `a second payload row for ${target!.label}`, 'Keep one payload row per event version');
      target!.body.payload = jsonObject(cell('JSON Schema'), line, 'the payload schema', fail);
      target!.body.filled = true;
      continue;
    }
    if (kind === 'property') {
      refuse(['Version', 'Labels'], 'property');
      if (target === undefined) fail(kindCell, line, 'a property row before any event', 'Put an event (or identify, group, page, screen) row above it');
      placeProperty(target!, record, required, fail);
      continue;
    }
    refuse(['Status'], kind!);
    if (kind === 'event') {
      const eventName = requiredName(cell('Name'), line, 'event', fail);
      const versionCell = cell('Version');
      const event = events.get(eventName) ?? { line, versions: [] };
      events.set(eventName, event);
      const labels = readLabels(cell('Labels'), file, warn);
      if (versionCell === undefined) {
        if (event.body !== undefined || event.versions.length > 0) fail(cell('Name'), line, `event ${JSON.stringify(eventName)} has a second row without a version`, 'Give each version row its number in Version');
        event.description = text('Description');
        if (labels !== undefined) event.labels = labels;
        event.body = rootBody(record, fail);
        target = { body: event.body, label: `event ${JSON.stringify(eventName)}` };
        continue;
      }
      const version = Number(versionCell.value.trim());
      if (!/^\s*\d+\s*$/.test(versionCell.value) || !Number.isSafeInteger(version) || version < 1) fail(versionCell, line, `version ${JSON.stringify(versionCell.value)} is not a positive integer`, 'Write the version number: 1, 2, 3');
      if (event.body?.filled === true) fail(versionCell, line, `event ${JSON.stringify(eventName)} has rows without a version above (its version 1) and versioned rows`, 'Give the first row a Version too, or move its properties under a versioned row');
      event.body = undefined;
      if (event.versions.some((existing) => existing.version === version)) fail(versionCell, line, `event ${JSON.stringify(eventName)} has version ${version} twice`, 'Give each version its own number');
      const body = rootBody(record, fail);
      const description = text('Description');
      event.versions.push({ version, ...(description !== undefined ? { description } : {}), ...(labels !== undefined ? { labels } : {}), schema: {}, body });
      target = { body, label: `event ${JSON.stringify(eventName)} v${version}` };
      continue;
    }
    // identify, group, page, screen
    refuse(['Name', 'Version', 'Labels'], kind!);
    const call = kind as 'identify' | 'group' | 'page' | 'screen';
    if (calls[call] !== undefined) fail(kindCell, line, `a second ${call} row`, `Keep one ${call} row`);
    const body = rootBody(record, fail);
    const callDescription = text('Description');
    calls[call] = Object.assign(body, callDescription !== undefined ? { description: callDescription } : {});
    target = { body, label: call };
  }

  for (const [node, names] of required) if (names.length > 0 && node.required === undefined) node.required = names;
  const nativeCall = (body: (Body & { description?: string }) | undefined): NativeCall | undefined =>
    body === undefined ? undefined : { ...(body.description !== undefined ? { description: body.description } : {}), schema: body.schema as JsonSchema, ...(body.payload !== undefined ? { payload: body.payload as JsonSchema } : {}) };
  const nativeEvents = new Map<string, NativeEvent>(
    [...events].map(([eventName, event]): [string, NativeEvent] => {
      const head = { ...(event.description !== undefined ? { description: event.description } : {}), ...(event.labels !== undefined ? { labels: event.labels } : {}) };
      if (event.versions.length === 0) {
        const body: Body = event.body ?? { schema: {}, filled: false };
        return [eventName, { ...head, schema: body.schema as JsonSchema, ...(body.payload !== undefined ? { payload: body.payload as JsonSchema } : {}) }];
      }
      const versions = event.versions.map(({ body, ...version }) => ({ ...version, schema: body.schema as JsonSchema, ...(body.payload !== undefined ? { payload: body.payload as JsonSchema } : {}) }));
      return [eventName, { ...head, versions }];
    }),
  );
  const callEntries = (['identify', 'group', 'page', 'screen'] as const).flatMap((kind) => {
    const found = nativeCall(calls[kind]);
    return found !== undefined ? [[kind, found] as const] : [];
  });
  return {
    name: name ?? fallbackName,
    ...(description !== undefined ? { description } : {}),
    events: nativeEvents,
    ...Object.fromEntries(callEntries),
    ...(common !== undefined ? { common: common as JsonSchema } : {}),
  };
}

type Fail = (cell: CsvCell | undefined, line: number, problem: string, fix: string) => never;

function requiredName(cell: CsvCell | undefined, line: number, kind: string, fail: Fail): string {
  if (cell === undefined || cell.value.trim() === '') return fail(cell, line, `a ${kind} row needs a Name`, `Write the ${kind}'s name in the Name column`);
  return cell.value;
}

function rootBody(record: CsvRecord, fail: Fail): Body {
  const written = schemaFromCells(record, true, fail);
  // Properties and traits are objects: an empty Data Type on an event or call row means object (export writes "any" for none).
  const schema = typeof written === 'object' && record.cells['Data Type'] === undefined && !Object.hasOwn(written, 'type') ? { type: 'object', ...written } : written;
  const filled = ['Data Type', 'Permitted Values', 'Regex', 'JSON Schema'].some((column) => record.cells[column as CsvColumn] !== undefined);
  return { schema, filled };
}

/** The schema a row's value cells say: Data Type, Description (property rows), Permitted Values, Regex, then the JSON Schema cell's keywords. */
function schemaFromCells(record: CsvRecord, root: boolean, fail: Fail): Schema | boolean {
  const { cells, line } = record;
  const json = cells['JSON Schema'];
  let rest: Schema | boolean = {};
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.value);
    } catch (error) {
      fail(json, line, `the JSON Schema cell is not JSON (${(error as Error).message})`, 'Write the extra keywords as a JSON object: {"minimum": 0}');
    }
    if (typeof parsed !== 'boolean' && !isSchemaObject(parsed)) fail(json, line, 'the JSON Schema cell must hold a JSON object (or true/false)', 'Write the extra keywords as a JSON object: {"minimum": 0}');
    rest = parsed as Schema | boolean;
  }
  const valueColumns: CsvColumn[] = ['Data Type', 'Permitted Values', 'Regex', ...(root ? [] : ['Description' as const])];
  if (typeof rest === 'boolean') {
    for (const column of valueColumns) if (cells[column] !== undefined) fail(cells[column], line, `a row whose JSON Schema is ${rest} has no ${column}`, `Leave ${column} empty, or write an object in JSON Schema`);
    return rest;
  }
  const schema: Schema = {};
  const set = (keyword: string, value: unknown, cell: CsvCell) => {
    if (Object.hasOwn(rest as Schema, keyword)) fail(cell, line, `"${keyword}" is set twice: by ${columnOf(keyword)} and in the JSON Schema cell`, `Keep one of them`);
    schema[keyword] = value;
  };
  const typeCell = cells['Data Type'];
  let types: string[] = [];
  if (typeCell !== undefined && typeCell.value.trim() !== '') {
    types = typeCell.value.split('|').map((name) => name.trim().toLowerCase());
    for (const type of types) {
      if (!(DATA_TYPES as readonly string[]).includes(type)) fail(typeCell, line, `unknown data type ${JSON.stringify(type)}`, `Use one of: ${DATA_TYPES.join(', ')}; several as "string | null"`);
    }
    if (types.includes('any') && types.length > 1) fail(typeCell, line, '"any" cannot be combined with other data types', 'Write "any" alone, or list the types');
    if (new Set(types).size !== types.length) fail(typeCell, line, 'a data type is listed twice', 'List each data type once');
    if (types.includes('date-time') && types.includes('string')) fail(typeCell, line, '"date-time" and "string" together', 'date-time is a string: keep one of them');
    const jsonTypes = types.filter((type) => type !== 'any').map((type) => (type === 'date-time' ? 'string' : type));
    if (jsonTypes.length > 0) set('type', jsonTypes.length === 1 ? jsonTypes[0] : jsonTypes, typeCell);
    if (types.includes('date-time')) set('format', 'date-time', typeCell);
  }
  const descriptionCell = cells.Description;
  if (!root && descriptionCell !== undefined) set('description', descriptionCell.value, descriptionCell);
  const regexCell = cells.Regex;
  if (regexCell !== undefined) set('pattern', regexCell.value, regexCell);
  const permitted = cells['Permitted Values'];
  if (permitted !== undefined) set('enum', permittedValues(permitted, types, line, fail), permitted);
  return { ...schema, ...rest };
}

function columnOf(keyword: string): string {
  return ({ type: 'Data Type', format: 'Data Type', description: 'Description', pattern: 'Regex', enum: 'Permitted Values' } as Record<string, string>)[keyword] ?? keyword;
}

function permittedValues(cell: CsvCell, types: readonly string[], line: number, fail: Fail): unknown[] {
  const kind = valueKind(types);
  if (kind === undefined) {
    return fail(cell, line, 'Permitted Values need one data type: string (or date-time), integer or number, or boolean', 'Set Data Type, or write "enum" in the JSON Schema cell');
  }
  return cell.value.split(/\r?\n/).map((text) => {
    if (kind === 'string') return text;
    const value = text.trim();
    if (kind === 'boolean') {
      if (value !== 'true' && value !== 'false') fail(cell, line, `permitted value ${JSON.stringify(text)} is not true or false`, 'Write one value per line: true, false');
      return value === 'true';
    }
    const number = Number(value);
    if (value === '' || !Number.isFinite(number)) fail(cell, line, `permitted value ${JSON.stringify(text)} is not a number`, 'Write one number per line');
    return number;
  });
}

function placeProperty(target: { body: Body; label: string }, record: CsvRecord, required: Map<Schema, string[]>, fail: Fail): void {
  const { cells, line } = record;
  const nameCell = cells.Name;
  if (nameCell === undefined) return void fail(cells.Kind, line, 'a property row needs a Name', 'Write the property name, or its path: filters.price.min, products[].id');
  const parsed = parsePath(nameCell.value);
  if ('problem' in parsed) return void fail({ ...nameCell, column: nameCell.column + parsed.at - 1 }, line, `property path ${JSON.stringify(nameCell.value)}: ${parsed.problem}`, 'Write nested properties as parent.child, array items as list[] and their properties as list[].child');
  const statusCell = cells.Status;
  const status = statusCell?.value.trim().toLowerCase() ?? 'optional';
  if (!(STATUSES as readonly string[]).includes(status)) fail(statusCell, line, `unknown status ${JSON.stringify(statusCell!.value)}`, 'Use required or optional');
  let parent = target.body.schema;
  const steps = parsed.steps;
  for (const [index, step] of steps.slice(0, -1).entries()) {
    // `list[].id` without a `list[]` row: the items are implied (an object schema that lists `id`).
    if ('items' in step && isSchemaObject(parent) && parent.items === undefined && Object.hasOwn(parent, 'type') && (parent.type === 'array' || (Array.isArray(parent.type) && parent.type.includes('array')))) parent.items = {};
    const next: unknown = typeof parent === 'object' ? ('items' in step ? parent.items : isSchemaObject(parent.properties) ? parent.properties[step.property] : undefined) : undefined;
    if (!isSchemaObject(next)) {
      const shown = formatPath(steps.slice(0, index + 1));
      return void fail(nameCell, line, `property ${JSON.stringify(nameCell.value)} comes before a row for its parent ${JSON.stringify(shown)}`, `Add a row for ${JSON.stringify(shown)} (Data Type object, or array for [] ) above it`);
    }
    parent = next;
  }
  if (typeof parent !== 'object') return void fail(nameCell, line, `property ${JSON.stringify(nameCell.value)} is under a true/false schema`, 'Give the parent a Data Type instead');
  const last = steps.at(-1)!;
  const schema = schemaFromCells(record, false, fail);
  target.body.filled = true;
  if ('items' in last) {
    if (parent.items !== undefined) fail(nameCell, line, `the items of ${JSON.stringify(nameCell.value.slice(0, -2))} have a second row`, 'Keep one row per path');
    if (statusCell !== undefined && status === 'required') fail(statusCell, line, 'array items cannot be required', 'Leave Status empty on a [] row');
    parent.items = schema;
    return;
  }
  const owner = parent;
  // Rows built the properties of the objects `required` knows; any other `properties` came from a JSON Schema cell.
  if (owner.properties !== undefined && !required.has(owner)) {
    fail(nameCell, line, `the parent of ${JSON.stringify(nameCell.value)} already lists its properties in its JSON Schema cell`, 'List them as rows or in JSON, not both');
  }
  const properties = (owner.properties ??= {}) as Record<string, unknown>;
  if (Object.hasOwn(properties, last.property)) fail(nameCell, line, `property ${JSON.stringify(nameCell.value)} has a second row`, 'Keep one row per property');
  Object.defineProperty(properties, last.property, { value: schema, enumerable: true, writable: true, configurable: true });
  const names = required.get(owner) ?? [];
  required.set(owner, names);
  if (status === 'required') {
    if (owner.required !== undefined) fail(statusCell, line, `"required" is set twice: by Status and in the parent's JSON Schema cell`, 'Keep one of them');
    names.push(last.property);
  }
}

function jsonObject(cell: CsvCell | undefined, line: number, what: string, fail: Fail): Schema {
  if (cell === undefined) return fail(cell, line, `${what} is missing`, 'Write it as a JSON object in the JSON Schema column');
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell.value);
  } catch (error) {
    return fail(cell, line, `${what} is not JSON (${(error as Error).message})`, 'Write it as a JSON object');
  }
  if (!isSchemaObject(parsed)) return fail(cell, line, `${what} must be a JSON object`, 'Write it as a JSON object: {"type": "object"}');
  return parsed;
}

function readLabels(cell: CsvCell | undefined, file: string, warn: (warning: PlanError) => void): Record<string, string> | undefined {
  if (cell === undefined) return undefined;
  if (cell.value.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(cell.value);
    } catch (error) {
      parsed = (error as Error).message;
    }
    if (!isSchemaObject(parsed) || !Object.values(parsed).every((value) => typeof value === 'string')) {
      throw new PlanError({ file, line: cell.line, column: cell.column }, 'the Labels cell starts with "{" but is no JSON object of strings', 'Write one key:value a line, or {"key": "value"}');
    }
    return parsed as Record<string, string>;
  }
  const labels: Record<string, string> = {};
  for (const line of cell.value.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const [key, value] = colon === -1 ? [line.trim(), ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    if (Object.hasOwn(labels, key)) {
      warn(new PlanError({ file, line: cell.line, column: cell.column }, `label ${JSON.stringify(key)} has a second value ${JSON.stringify(value)}; the native format keeps one, ${JSON.stringify(labels[key])}`, 'Give each label key one value'));
      continue;
    }
    Object.defineProperty(labels, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return labels;
}
