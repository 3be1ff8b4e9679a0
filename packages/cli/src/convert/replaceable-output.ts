// export and import write one file; an existing file there is replaced only when
// it is one they write (a plan.yaml with their header comment, a spreadsheet with
// their header row, a Public API plan.json), never a file someone wrote by hand.
import { PlanError } from '../errors.js';
import { CSV_COLUMNS } from './csv-columns.js';
import type { ExportTarget } from './formats.js';

export const WRITTEN_BY = 'Written by plangen';

/** Whether `existing` (the file's text) may be replaced by output in `target`'s format. */
export function mayReplace(existing: string, target: ExportTarget): boolean {
  const text = existing.replace(/^\uFEFF/, '');
  if (text.trim() === '') return true;
  if (target === 'plangen') return text.startsWith(`# ${WRITTEN_BY} `);
  if (target === 'csv') return /^"?Kind"?[,;\t]/.test(text) && CSV_COLUMNS.every((column) => text.split(/\r?\n/, 1)[0]!.includes(column));
  try {
    const parsed = JSON.parse(text) as { rules?: unknown };
    return typeof parsed === 'object' && parsed !== null && Array.isArray(parsed.rules);
  } catch {
    return false;
  }
}

const TARGET_NAMES: Readonly<Record<ExportTarget, string>> = { csv: 'spreadsheet', 'segment-public-api': 'Public API plan.json', plangen: 'plan.yaml' };

/** Throws when `existing` (the text at --out, if any) is a file plangen did not write. */
export function refuseHandWritten(existing: string | undefined, target: ExportTarget, shown: string): void {
  if (existing !== undefined && !mayReplace(existing, target)) {
    throw new PlanError({ file: shown }, `this file exists and plangen did not write it (it is no ${TARGET_NAMES[target]} of plangen's)`, 'Pass another --out, or delete the file if it should be replaced');
  }
}
