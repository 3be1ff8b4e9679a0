// The @plangen/core ports must behave exactly like the ajv and ajv-formats code
// they replace, or precompiled validators would disagree with `plangen validate`.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as core from '@plangen/core/runtime';
import { RUNTIME_EXPORT_NAMES } from '../../packages/cli/src/generate/validators/runtime-imports.js';
import * as runtime from '../../packages/core/src/validator-runtime/index.js';

const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const { fullFormats } = requireFromCli('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> };
const { default: ajvEqual } = requireFromCli('ajv/dist/runtime/equal') as { default: (a: unknown, b: unknown) => boolean };
const { default: ajvUcs2length } = requireFromCli('ajv/dist/runtime/ucs2length') as { default: (value: string) => number };

type StringCheck = (value: string) => boolean;
interface Comparable {
  validate: StringCheck;
  compare: (left: string, right: string) => number | undefined;
}

const STRINGS = [
  '',
  'x',
  '2024-02-29',
  '2023-02-29',
  '2024-04-31',
  '2024-00-10',
  '2024-12-31',
  '0000-01-01',
  '12:30:00',
  '12:30:00Z',
  '12:30:00.123+05:30',
  '12:30:00-0530',
  '23:59:60Z',
  '23:59:60+01:00',
  '00:59:60+01:00',
  '24:00:00Z',
  '12:60:00Z',
  '12:30:00+24:00',
  '2024-02-29T12:30:00Z',
  '2024-02-29t12:30:00z',
  '2024-02-29 12:30:00+01:00',
  '2024-02-29T12:30:00',
  '2016-12-31T23:59:60Z',
  '2024-02-29T12:30:00ZT',
  'https://example.com/a/b?c=d#e',
  'http://[::1]:80/',
  'mailto:ada@example.com',
  'urn:isbn:0451450523',
  'example.com',
  '//example.com',
  'http://exa mple.com',
  '^[a-z]+$',
  '(',
  'a\\Z',
  '\\p{L}',
  'aGVsbG8=',
  'aGVsbA==',
  'aGVsb',
  'YQ==\nYQ==',
];

describe('formats', () => {
  const comparable: Record<string, Comparable> = {
    date: runtime.formatDate,
    time: runtime.formatTime,
    'date-time': runtime.formatDateTime,
    'iso-time': runtime.formatIsoTime,
    'iso-date-time': runtime.formatIsoDateTime,
  };
  for (const [format, port] of Object.entries(comparable)) {
    it(`${format} validates and compares like ajv-formats`, () => {
      const original = fullFormats[format] as Comparable;
      for (const value of STRINGS) expect({ value, valid: port.validate(value) }).toEqual({ value, valid: original.validate(value) });
      for (const left of STRINGS) {
        for (const right of STRINGS) {
          expect({ left, right, order: port.compare(left, right) }).toEqual({ left, right, order: original.compare(left, right) });
        }
      }
    });
  }

  const checks: Record<string, StringCheck> = { uri: runtime.formatUri, regex: runtime.formatRegex, byte: runtime.formatByte };
  for (const [format, port] of Object.entries(checks)) {
    it(`${format} validates like ajv-formats`, () => {
      const original = fullFormats[format] as StringCheck;
      // Twice over, so the stateful global regex of `byte` is exercised.
      for (const value of [...STRINGS, ...STRINGS]) expect({ value, valid: port(value) }).toEqual({ value, valid: original(value) });
    });
  }

  const numbers = { int32: runtime.formatInt32, int64: runtime.formatInt64, float: runtime.formatFloat, double: runtime.formatDouble };
  for (const [format, port] of Object.entries(numbers)) {
    it(`${format} validates like ajv-formats`, () => {
      const original = fullFormats[format] as { type: string; validate: (value: number) => boolean };
      expect(port.type).toBe(original.type);
      for (const value of [0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect({ value, valid: port.validate(value) }).toEqual({ value, valid: original.validate(value) });
      }
    });
  }

  it('covers every format ajv-formats defines as code rather than a regular expression', () => {
    const byCode = Object.entries(fullFormats)
      .filter(([, definition]) => definition !== true && !(definition instanceof RegExp))
      .map(([format]) => format)
      .sort();
    expect(byCode).toEqual(['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'iso-date-time', 'iso-time', 'regex', 'time', 'uri']);
  });
});

describe('@plangen/core/runtime', () => {
  it('exports every helper generated validators may import, and nothing else from validator-runtime', () => {
    const exported = core as Readonly<Record<string, unknown>>;
    for (const name of RUNTIME_EXPORT_NAMES) expect({ name, type: typeof exported[name] }).toEqual({ name, type: expect.stringMatching(/^(function|object)$/) });
    expect(Object.keys(runtime).sort()).toEqual([...RUNTIME_EXPORT_NAMES].sort());
  });
});

describe('ajv runtime helpers', () => {
  it('ucs2length counts code points like ajv', () => {
    for (const value of ['', 'abc', '😀', 'a😀b', '\ud83d', '\ude00\ud83d', 'x\ud83d', '\ud83d\ud83d\ude00', 'é', '👩‍👩‍👧', 'plain ascii text']) {
      expect({ value, length: runtime.ucs2length(value) }).toEqual({ value, length: ajvUcs2length(value) });
    }
  });

  it('deepEqual compares like ajv (fast-deep-equal)', () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -0,
      1,
      Number.NaN,
      '1',
      true,
      [],
      [1, 2],
      [2, 1],
      [1, [2]],
      {},
      { a: 1 },
      { a: 1, b: undefined },
      { b: undefined, a: 1 },
      { a: { b: [1, null] } },
      { a: { b: [1, null] } },
      /x/g,
      /x/i,
      new Date(0),
      new Date(0),
      Object.create(null) as unknown,
    ];
    for (const left of values) {
      for (const right of values) expect({ left, right, equal: runtime.deepEqual(left, right) }).toEqual({ left, right, equal: ajvEqual(left, right) });
    }
  });
});
