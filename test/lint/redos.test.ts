import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../packages/cli/src/lint/redos.js';

describe('checkPattern', () => {
  it('refuses patterns that backtrack exponentially, naming the repeated part', () => {
    expect(checkPattern('^(a+)+$')).toEqual({ ok: false, reason: '"(a+)+" can backtrack exponentially on a long run of "a"' });
    expect(checkPattern('^(\\w+\\s?)*$')).toEqual({ ok: false, reason: '"(\\w+\\s?)*" can backtrack exponentially on a long run of "A"' });
    expect(checkPattern('(x+x+)+y')).toEqual({ ok: false, reason: '"x+" and "x+" can backtrack exponentially on a long run of "x"' });
  });

  it('accepts linear and merely polynomial patterns', () => {
    for (const pattern of ['^ord_[a-z0-9]+$', 'fall|winter|spring', '^\\d+\\.\\d+$', '\\s*,\\s*', '^[^@]+@[^@]+$']) {
      expect(checkPattern(pattern), pattern).toEqual({ ok: true });
    }
  });

  it('leaves patterns that do not parse to the validity check', () => {
    expect(checkPattern('^(a$')).toEqual({ ok: true });
  });
});
