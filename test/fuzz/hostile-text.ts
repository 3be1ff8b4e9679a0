// Text built to break generated code: every fragment has broken a code generator
// somewhere (string and comment terminators, template interpolation, line
// separators, HTML script ends, bidi controls, reserved words, prototype keys).
// MARKER rides along in much of it: it can never survive name normalization, so
// wherever it shows up in generated code, plan text was copied there.
import fc from 'fast-check';

export const MARKER = '~PLN~';

const FRAGMENTS = [
  '"', "'", '`', '${globalThis.pwned = 1}', '${', '}', '*/', '/*', '//', '</script>', '<!--', '-->',
  '\u2028', '\u2029', '\r\n', '\n', '\t', '\\', '\\u0041', '\0', '😀', '👩‍👩‍👧', '\u200f', '\u202e', '\u200b', '\ufeff',
  'class', 'delete', 'await', 'enum', 'new', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '@param', '@ts-ignore', ' ', '#', ': ', '- ', '&anchor', '*alias', '!!js', '%', '?', '{', '[', ']', ',',
  'Größe', '日本語', 'ǅ', 'Ⅻ', '42', '0x1', 'e5', MARKER,
];

/** Wire names that collide once normalized to PascalCase, or with names the SDK reserves. */
const COLLIDING_NAMES = [
  'Order Completed', 'order_completed', 'ORDER COMPLETED', 'orderCompleted', 'Order-Completed', 'order completed ',
  'Order Completed V1', 'Order Completed V1 Spec', 'Identify', 'Group', 'Page', 'Screen', 'configure', 'Common', 'validate Common', '42 Things', '日本語', '😀', '',
];

const fragmentText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4, unit: 'grapheme' })), { maxLength: 6 }).map((parts) => parts.join(''));

/** Any text: mostly short hostile mixes, sometimes empty or 10,000 characters long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fragmentText, weight: 12 },
  { arbitrary: fragmentText.map((text) => `${MARKER}${text}${MARKER}`), weight: 6 },
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.constantFrom(...FRAGMENTS).map((fragment) => `${MARKER}${fragment.repeat(10_000)}`.slice(0, 10_000)), weight: 1 },
);

/** A name (event, property, label key): hostile text or a name built to collide. */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText, weight: 3 },
  { arbitrary: fc.constantFrom(...COLLIDING_NAMES), weight: 2 },
);
