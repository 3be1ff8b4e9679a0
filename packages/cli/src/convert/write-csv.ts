// Rows -> CSV text with csv-stringify: quoted where a cell needs it (separator,
// quote, line break), one header row, `\n` line ends. A cell a spreadsheet would
// run as a formula (starting with =, +, -, @, a tab or a carriage return) is
// written with a leading `'`, which spreadsheets show as text; import removes
// one leading `'` (cell-text.ts), so the round trip is exact.
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, type CsvRow } from './csv-columns.js';
import { protectCell } from './cell-text.js';
import type { CsvDelimiter } from './formats.js';

export function writeCsv(rows: readonly CsvRow[], delimiter: CsvDelimiter = ','): string {
  const records = rows.map((row) => CSV_COLUMNS.map((column) => protectCell(row[column] ?? '')));
  // quoted_match: csv-stringify quotes a cell holding \n but not one holding a lone \r, which readers take for a line end.
  return stringify([[...CSV_COLUMNS], ...records], { delimiter: delimiter === 'tab' ? '\t' : delimiter, record_delimiter: '\n', quoted_match: /\r/ });
}
