// A native plan document -> spreadsheet rows: the plan row, then each event
// (a row per version, each followed by its property rows and payload), then
// identify, group, page, screen and common. Whatever a row keeps in its
// "JSON Schema" cell is reported to `onJson` per event version, so the command
// can say which keywords the editor's columns do not show.
import type { JsonSchema } from '../model/types.js';
import type { CsvRow } from './csv-columns.js';
import { CALL_KINDS, type CallKind, type NativePlan } from './native-plan.js';
import { formatPath, type PathStep } from './property-path.js';
import { restCell, schemaCells } from './schema-cells.js';

export type RowOwner = { readonly event: string; readonly version?: number } | { readonly call: CallKind | 'common' | 'plan' };

/** `keywords`: `minimum (products[].quantity)`, one per keyword kept as JSON. */
export type JsonCellReport = (owner: RowOwner, keywords: readonly string[]) => void;

/** What the rows cannot say at all: an empty description, which an empty cell reads back as none. */
export type LossReport = (owner: RowOwner, what: string) => void;

export function planToRows(plan: NativePlan, onJson: JsonCellReport = () => {}, onLoss: LossReport = () => {}): CsvRow[] {
  const describe = (owner: RowOwner, description: string | undefined): CsvRow => {
    if (description === '') onLoss(owner, 'an empty description (an empty cell reads back as none)');
    return description !== undefined && description !== '' ? { Description: description } : {};
  };
  const rows: CsvRow[] = [{ Kind: 'plan', Name: plan.name, ...describe({ call: 'plan' }, plan.description) }];
  for (const [name, event] of plan.events) {
    if (event.versions === undefined) {
      const kept: string[] = [];
      rows.push(...rootRows('event', name, event.schema ?? {}, { ...describe({ event: name }, event.description), ...labelsCell(event.labels) }, kept));
      if (event.payload !== undefined) rows.push(payloadRow(event.payload, kept));
      if (kept.length > 0) onJson({ event: name }, kept);
      continue;
    }
    // An event row without a version, before the versions: the event's own description.
    if (event.description !== undefined) rows.push({ Kind: 'event', Name: name, ...describe({ event: name }, event.description) });
    for (const version of event.versions) {
      const kept: string[] = [];
      rows.push(...rootRows('event', name, version.schema, { Version: String(version.version), ...describe({ event: name, version: version.version }, version.description), ...labelsCell(version.labels) }, kept));
      if (version.payload !== undefined) rows.push(payloadRow(version.payload, kept));
      if (kept.length > 0) onJson({ event: name, version: version.version }, kept);
    }
  }
  for (const kind of CALL_KINDS) {
    const call = plan[kind];
    if (call === undefined) continue;
    const kept: string[] = [];
    rows.push(...rootRows(kind, '', call.schema, describe({ call: kind }, call.description), kept));
    if (call.payload !== undefined) rows.push(payloadRow(call.payload, kept));
    if (kept.length > 0) onJson({ call: kind }, kept);
  }
  if (plan.common !== undefined) {
    rows.push({ Kind: 'common', 'JSON Schema': JSON.stringify(plan.common) });
    onJson({ call: 'common' }, ['the common schema']);
  }
  return rows;
}

/** The row of a root schema (an event version, a call) with `extra` cells, then its property rows. */
function rootRows(kind: string, name: string, schema: JsonSchema, extra: CsvRow, kept: string[]): CsvRow[] {
  const cells = schemaCells(schema, true);
  const rows: CsvRow[] = [{ Kind: kind, ...(name !== '' ? { Name: name } : {}), ...extra, ...valueCells(cells) }];
  note(kept, cells.rest, '');
  childRows(cells, [], rows, kept);
  return rows;
}

function childRows(cells: ReturnType<typeof schemaCells>, path: PathStep[], out: CsvRow[], kept: string[]): void {
  for (const property of cells.properties) {
    const steps = [...path, { property: property.name }];
    propertyRow(property.schema, steps, cells.statuses !== true ? '' : property.required ? 'required' : 'optional', out, kept);
  }
  if (cells.items !== undefined) propertyRow(cells.items, [...path, { items: true }], '', out, kept);
}

function propertyRow(schema: JsonSchema | boolean, steps: PathStep[], status: string, out: CsvRow[], kept: string[]): void {
  const cells = schemaCells(schema, false);
  const name = formatPath(steps);
  out.push({ Kind: 'property', Name: name, ...(status !== '' ? { Status: status } : {}), ...(cells.description !== undefined ? { Description: cells.description } : {}), ...valueCells(cells) });
  note(kept, cells.rest, name);
  childRows(cells, steps, out, kept);
}

function valueCells(cells: ReturnType<typeof schemaCells>): CsvRow {
  const json = restCell(cells);
  return {
    ...(cells.dataType !== '' ? { 'Data Type': cells.dataType } : {}),
    ...(cells.permittedValues !== '' ? { 'Permitted Values': cells.permittedValues } : {}),
    ...(cells.regex !== '' ? { Regex: cells.regex } : {}),
    ...(json !== '' ? { 'JSON Schema': json } : {}),
  };
}

function payloadRow(payload: JsonSchema, kept: string[]): CsvRow {
  kept.push('the payload schema');
  return { Kind: 'payload', 'JSON Schema': JSON.stringify(payload) };
}

/** Annotations, and empty lists of properties or required names, say nothing the columns miss: not reported. */
const SILENT = new Set(['$schema', '$comment', 'title', 'description']);

function note(kept: string[], rest: Record<string, unknown>, where: string): void {
  for (const [keyword, value] of Object.entries(rest)) {
    if (SILENT.has(keyword) || ((keyword === 'properties' || keyword === 'required') && JSON.stringify(value) === (keyword === 'properties' ? '{}' : '[]'))) continue;
    kept.push(where === '' ? keyword : `${keyword} (${where})`);
  }
}

/** `key:value` lines; as a JSON object when a key or value would not read back from a line (a colon in a key, a line break, edge spaces). */
function labelsCell(labels: Readonly<Record<string, string>> | undefined): CsvRow {
  if (labels === undefined || Object.keys(labels).length === 0) return {};
  const plain = (text: string) => !/[\r\n]/.test(text) && text.trim() === text;
  const lines = Object.entries(labels).every(([key, value]) => key !== '' && !key.includes(':') && !key.startsWith('{') && plain(key) && plain(value));
  if (!lines) return { Labels: JSON.stringify(labels) };
  return { Labels: Object.entries(labels).map(([key, value]) => (value === '' ? key : `${key}:${value}`)).join('\n') };
}
