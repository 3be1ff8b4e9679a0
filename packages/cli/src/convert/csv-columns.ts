// The spreadsheet layout (docs/sync-and-spreadsheets.md): the Protocols editor's
// columns (name, description, status, data type, permitted values) plus what a
// plan needs beside them. The header row names the columns, in any order.

export const CSV_COLUMNS = ['Kind', 'Name', 'Version', 'Description', 'Status', 'Data Type', 'Permitted Values', 'Regex', 'Labels', 'JSON Schema'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What a row is: the plan, an event (or one of its versions), a property of the row above, a payload schema, a call. */
export const ROW_KINDS = ['plan', 'event', 'property', 'payload', 'identify', 'group', 'page', 'screen', 'common'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** The Protocols editor's data types, and `null` for a value that may be null (`string | null`). */
export const DATA_TYPES = ['any', 'array', 'boolean', 'date-time', 'integer', 'null', 'number', 'object', 'string'] as const;

export const STATUSES = ['required', 'optional'] as const;

export type CsvRow = Partial<Record<CsvColumn, string>>;
