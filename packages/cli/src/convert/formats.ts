// The one list of each set of choices of export and import (flags, docs and tests follow them).

export const EXPORT_TARGETS = ['csv', 'segment-public-api', 'plangen'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export const IMPORT_SOURCES = ['csv'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** `,` everywhere; `;` where a locale's decimal comma makes spreadsheets write it; tab from a copy-paste. */
export const CSV_DELIMITERS = [',', ';', 'tab'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
