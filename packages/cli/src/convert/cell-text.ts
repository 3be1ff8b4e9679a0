// Formula injection: a spreadsheet runs a cell that starts with =, +, - or @
// (and some with a tab or carriage return) as a formula. Such cells, and cells
// that already start with `'`, get one leading `'` on export; import takes one off.

const FORMULA_START = /^[=+\-@\t\r']/;

export function protectCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unprotectCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}
