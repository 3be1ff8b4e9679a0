// A spreadsheet's CSV -> records whose cells know their line and column, for
// errors that point into the file. csv-parse reads it (quotes, doubled quotes,
// line breaks inside cells); the quirks of spreadsheet exports are handled here:
// a UTF-8 byte order mark, CRLF line ends, and `;` (or tab) separators, which
// are detected from the header row unless --delimiter says which.
import { CsvError, parse } from 'csv-parse/sync';
import { PlanError } from '../errors.js';
import { lineStarts, positionAt } from '../line-breaks.js';
import { unprotectCell } from './cell-text.js';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns.js';
import type { CsvDelimiter } from './formats.js';

export interface CsvCell {
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

export interface CsvRecord {
  readonly line: number;
  readonly cells: Partial<Record<CsvColumn, CsvCell>>;
}

const CHARACTERS: Readonly<Record<CsvDelimiter, string>> = { ',': ',', ';': ';', tab: '\t' };

export function readCsv(input: string, file: string, delimiter?: CsvDelimiter): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = delimiter !== undefined ? CHARACTERS[delimiter] : detectDelimiter(text);
  const lines = lineStarts(text, true);
  const at = (offset: number) => positionAt(lines, offset);
  let consumed = 0;
  let parsed: { raw: string; record: string[] }[];
  try {
    parsed = parse(text, {
      delimiter: separator,
      record_delimiter: ['\r\n', '\n', '\r'],
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // With `raw`, each record comes as { record, raw } (the types do not say so); raw counts what was read.
      on_record: (record, context) => {
        consumed = afterRaw(text, consumed, (context as unknown as { raw: string }).raw);
        return record;
      },
    }) as unknown as { raw: string; record: string[] }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw csvError(error, text, consumed, separator, file, at);
  }

  let offset = 0;
  const records: { line: number; cells: CsvCell[] }[] = [];
  for (const { raw, record } of parsed) {
    const leading = /^[\r\n]*/.exec(raw)![0].length; // skipped empty lines belong to this record's raw text
    const starts = fieldStarts(raw.slice(leading), separator);
    records.push({
      line: at(offset + leading).line,
      cells: record.map((value, index) => ({ value: unprotectCell(value), ...at(offset + leading + (starts[index] ?? 0)) })),
    });
    offset = afterRaw(text, offset, raw);
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new PlanError({ file }, 'the file is empty', `Start it with the header row: ${CSV_COLUMNS.join(',')}`);
  const columns = header.cells.map((cell) => headerColumn(cell, file));
  for (const [index, column] of columns.entries()) {
    if (column !== undefined && columns.indexOf(column) !== index) {
      const cell = header.cells[index]!;
      throw new PlanError({ file, line: cell.line, column: cell.column }, `the column "${column}" is named twice`, 'Keep one column of each name');
    }
  }
  for (const required of ['Kind', 'Name'] as const) {
    if (!columns.includes(required)) throw new PlanError({ file, line: header.line, column: 1 }, `the header row has no "${required}" column`, `Name the columns in the first row: ${CSV_COLUMNS.join(', ')}`);
  }
  const filled = rows.filter((row) => row.cells.some((cell) => cell.value.trim() !== ''));
  for (const row of filled) {
    // A value under no column would be dropped without a word.
    const stray = row.cells.find((cell, index) => columns[index] === undefined && cell.value.trim() !== '');
    if (stray !== undefined) throw new PlanError({ file, line: stray.line, column: stray.column }, 'this cell is under no column of the header row', 'Name its column in the first row, or move the value into a named column');
  }
  return filled
    .map((row) => ({
      line: row.line,
      cells: Object.fromEntries(row.cells.flatMap((cell, index) => (columns[index] !== undefined && cell.value !== '' ? [[columns[index], cell]] : []))),
    }));
}

function headerColumn(cell: CsvCell, file: string): CsvColumn | undefined {
  const name = cell.value.trim();
  if (name === '') return undefined;
  const column = CSV_COLUMNS.find((known) => known.toLowerCase() === name.toLowerCase());
  if (column === undefined) {
    throw new PlanError({ file, line: cell.line, column: cell.column }, `unknown column ${JSON.stringify(name)}`, `Use these columns (in any order): ${CSV_COLUMNS.join(', ')}`);
  }
  return column;
}

/** The separator the header row uses most, outside quotes: `,`, `;` or tab. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Where each field of a record's raw text starts: after each separator outside quotes. */
function fieldStarts(raw: string, separator: string): number[] {
  const starts = [0];
  let quoted = false;
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === separator) starts.push(index + 1);
  }
  return starts;
}

/**
 * Where the next record starts: csv-parse's raw text of a record ending in CRLF holds its CR but not
 * its LF (csv-parse 6), so the LF is stepped over here.
 */
function afterRaw(text: string, offset: number, raw: string): number {
  const end = offset + raw.length;
  return raw.endsWith('\r') && text[end] === '\n' ? end + 1 : end;
}

/** csv-parse's error, placed at the quote that is never closed or the character after a closing quote. */
function csvError(error: CsvError, text: string, consumed: number, separator: string, file: string, at: (offset: number) => { line: number; column: number }): PlanError {
  const raw = typeof (error as { raw?: unknown }).raw === 'string' ? ((error as { raw?: string }).raw as string) : '';
  const leading = /^[\r\n]*/.exec(raw)![0].length;
  const index = typeof (error as { index?: unknown }).index === 'number' ? ((error as { index?: number }).index as number) : 0;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const start = consumed + leading + (fieldStarts(raw.slice(leading), separator)[index] ?? 0);
    return new PlanError({ file, ...at(Math.min(start, text.length)) }, 'this quoted cell is never closed: the quotes are unbalanced', 'Close the cell with a " (a quote inside a cell is written twice: "")');
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return new PlanError({ file, ...at(Math.min(consumed + raw.length, text.length)) }, 'text after the closing quote of a cell', 'Put the whole cell in quotes and write a quote inside it twice ("")');
  }
  const line = typeof (error as { lines?: unknown }).lines === 'number' ? ((error as { lines?: number }).lines as number) : 1;
  return new PlanError({ file, line, column: 1 }, `cannot read the CSV: ${error.message.replace(/\.$/, '')}`, 'Check the quotes and separators of this line');
}
