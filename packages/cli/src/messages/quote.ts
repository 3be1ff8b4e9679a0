// Names from the plan go into one-line error messages; a name may hold a line
// break, so it is quoted the JSON way (JSON.stringify leaves U+2028/U+2029 raw,
// and terminals break lines on them too). The escape itself is line-breaks.ts's,
// the one that generated code uses as well.
import { escapeLineBreaks } from '../line-breaks.js';

/** `Order Completed` -> `"Order Completed"`, with line breaks and quotes escaped. */
export function quote(name: string): string {
  return escapeLineBreaks(JSON.stringify(name));
}

/** Escapes whatever would end the line: for text that may carry raw plan content (pointers, parser messages). */
export { escapeLineBreaks as oneLine } from '../line-breaks.js';
