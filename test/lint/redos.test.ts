import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../packages/cli/src/lint/redos.js';

describe('checkPattern', () => {
  it('refuses patterns that backtrack exponentially, naming the repeated part', () => {
    expect(checkPattern('^(a+)+$')).toEqual({ ok: false, reason: '"(a+)+" can backtrack exponentially on a long run of "a"' });
    expect(checkPattern('^(\\w+\\s?)*$')).toEqual({ ok: false, reason: '"(\\w+\\s?)*" can backtrack exponentially on a long run of "A"' });
    expect(checkPattern('(x+x+)+y')).toEqual({ ok: false, reason: '"x+" and "x+" can backtrack exponentially on a long run of "x"' });
  });

  it('refuses repeated groups whose alternatives can match the same text in more than one way', () => {
    const reason = (group: string): string => `"${group}" can backtrack exponentially, because its alternatives can match the same text in more than one way`;
    expect(checkPattern('^(a|a)*$')).toEqual({ ok: false, reason: reason('(a|a)*') });
    expect(checkPattern('^(a|aa)+$')).toEqual({ ok: false, reason: reason('(a|aa)+') });
    expect(checkPattern('^(\\d|\\d)*$')).toEqual({ ok: false, reason: reason('(\\d|\\d)*') });
    expect(checkPattern('^(?:x|xx)+$')).toEqual({ ok: false, reason: reason('(?:x|xx)+') });
  });

  it('refuses polynomial backtracking of degree 3 or more, with the degree', () => {
    expect(checkPattern('^(.*a){12}$')).toEqual({ ok: false, reason: '"(.*a){12}" can backtrack in O(n^12) time on a long run of "a"' });
    expect(checkPattern('^(.*a){3}$')).toEqual({ ok: false, reason: '"(.*a){3}" can backtrack in O(n^3) time on a long run of "a"' });
    expect(checkPattern('^.*a.*a.*a$')).toEqual({ ok: false, reason: '".*" and ".*" can backtrack in O(n^3) time on a long run of "a"' });
  });

  it('accepts linear and degree-2 patterns', () => {
    for (const pattern of [
      '^ord_[a-z0-9]+$',
      'fall|winter|spring',
      '^(?:fall|winter)+$',
      '^\\d+\\.\\d+$',
      '\\s*,\\s*',
      '^\\s*,\\s*$',
      '^[a-z]+_[a-z]+$',
      '^[^@]+@[^@]+$',
      '^(.*a){2}$',
      '^.*a.*a$',
      '^([a-z0-9-]+\\.)+[a-z]{2,}$',
      '^(?:a|b?)*$',
    ]) {
      expect(checkPattern(pattern), pattern).toEqual({ ok: true });
    }
  });

  it('leaves patterns that do not parse to the validity check', () => {
    expect(checkPattern('^(a$')).toEqual({ ok: true });
  });
});
