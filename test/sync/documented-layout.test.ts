// The spreadsheet's columns, row kinds and data types, and export's targets, are
// each one list in code; docs/sync-and-spreadsheets.md shows the same, in the same order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, DATA_TYPES, ROW_KINDS } from '../../packages/cli/src/convert/csv-columns.js';
import { CSV_DELIMITERS, EXPORT_TARGETS } from '../../packages/cli/src/convert/formats.js';

const doc = readFileSync('docs/sync-and-spreadsheets.md', 'utf8');

/** The first cells of the table whose header row starts with `| column |`. */
function tableFirstCells(header: string): string[] {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(/^\| `([^`]+)`/.exec(line)?.[1] ?? '');
  }
  return rows;
}

const row = (first: string) => doc.split('\n').find((line) => line.startsWith(`| \`${first}\` |`)) ?? '';
const codes = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

describe('docs/sync-and-spreadsheets.md follows the lists in code', () => {
  it('lists every column, in order', () => expect(tableFirstCells('column')).toEqual([...CSV_COLUMNS]));
  it('lists every row kind, in order', () => expect(codes(row('Kind')).slice(1)).toEqual([...ROW_KINDS]));
  it('lists every data type but null (shown as string | null), in order', () => {
    expect(codes(row('Data Type')).slice(1, -2)).toEqual(DATA_TYPES.filter((type) => type !== 'null'));
  });
  it('shows the export targets and separators as the commands take them', () => {
    expect(doc).toContain(`plangen export --to ${EXPORT_TARGETS.join('|')} --plan PLAN --out FILE [--delimiter ${CSV_DELIMITERS.join('|')}]`);
  });
});
