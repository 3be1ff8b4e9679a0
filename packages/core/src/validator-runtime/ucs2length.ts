// String length in code points, as JSON Schema's minLength/maxLength count it.
// Port of ajv/dist/runtime/ucs2length (MIT, ajv-validator), itself from punycode.ucs2.decode.

// Only a high surrogate can start a pair; without one, code points and UTF-16 units agree.
// The native scan is about 4x faster than counting in a loop, and most strings have no pairs.
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

export function ucs2length(value: string): number {
  return HIGH_SURROGATE.test(value) ? countCodePoints(value) : value.length;
}

function countCodePoints(value: string): number {
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
