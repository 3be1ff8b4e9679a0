// Names from the plan go into one-line error messages; a name may hold a line
// break, so it is quoted the JSON way (JSON.stringify leaves U+2028/U+2029 raw,
// and terminals break lines on them too).

/** `Order Completed` -> `"Order Completed"`, with line breaks and quotes escaped. */
export function quote(name: string): string {
  return oneLine(JSON.stringify(name));
}

/** Escapes whatever would end the line: for text that may carry raw plan content (pointers, parser messages). */
export function oneLine(text: string): string {
  return text.replace(/[\n\r\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
