// Before regex literals are made (last), every string in ajv's code is a JSON string. A rewrite that
// matches these first, and keeps them as they are, only ever changes code, never plan data.
export const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
