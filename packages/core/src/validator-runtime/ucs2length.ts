// String length in code points, as JSON Schema's minLength/maxLength count it.
// Port of ajv/dist/runtime/ucs2length (MIT, ajv-validator), itself from punycode.ucs2.decode.

export function ucs2length(value: string): number {
  const length = value.length;
  let count = 0;
  let position = 0;
  while (position < length) {
    count++;
    const code = value.charCodeAt(position++);
    // A high surrogate followed by a low surrogate is one code point.
    if (code >= 0xd800 && code <= 0xdbff && position < length && (value.charCodeAt(position) & 0xfc00) === 0xdc00) position++;
  }
  return count;
}
