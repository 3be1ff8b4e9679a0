import { describe, expect, it } from 'vitest';
import { checkPatternSafety as checkPattern } from '../../packages/cli/src/schema/patterns.js';

describe('checkPattern', () => {
  it('refuses patterns that backtrack exponentially, naming the repeated part', () => {
    expect(checkPattern('^(a+)+$')).toEqual({ verdict: 'catastrophic', reason: '"(a+)+" can backtrack exponentially on a long run of "a"' });
    expect(checkPattern('^(\\w+\\s?)*$')).toEqual({ verdict: 'catastrophic', reason: '"(\\w+\\s?)*" can backtrack exponentially on a long run of "A"' });
    expect(checkPattern('(x+x+)+y')).toEqual({ verdict: 'catastrophic', reason: '"x+" and "x+" can backtrack exponentially on a long run of "x"' });
  });

  it('refuses repeated groups whose alternatives can match the same text in more than one way', () => {
    const reason = (group: string): string => `"${group}" can backtrack exponentially, because its alternatives can match the same text in more than one way`;
    expect(checkPattern('^(a|a)*$')).toEqual({ verdict: 'catastrophic', reason: reason('(a|a)*') });
    expect(checkPattern('^(a|aa)+$')).toEqual({ verdict: 'catastrophic', reason: reason('(a|aa)+') });
    expect(checkPattern('^(\\d|\\d)*$')).toEqual({ verdict: 'catastrophic', reason: reason('(\\d|\\d)*') });
    expect(checkPattern('^(?:x|xx)+$')).toEqual({ verdict: 'catastrophic', reason: reason('(?:x|xx)+') });
  });

  it('refuses polynomial backtracking of degree 3 or more, with the degree', () => {
    expect(checkPattern('^(.*a){12}$')).toEqual({ verdict: 'catastrophic', reason: '"(.*a){12}" can backtrack in O(n^12) time on a long run of "a"' });
    expect(checkPattern('^(.*a){3}$')).toEqual({ verdict: 'catastrophic', reason: '"(.*a){3}" can backtrack in O(n^3) time on a long run of "a"' });
    expect(checkPattern('^.*a.*a.*a$')).toEqual({ verdict: 'catastrophic', reason: '".*" and ".*" can backtrack in O(n^3) time on a long run of "a"' });
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
      expect(checkPattern(pattern), pattern).toEqual({ verdict: 'safe' });
    }
  });

  it('leaves patterns that do not parse to the validity check', () => {
    expect(checkPattern('^(a$')).toEqual({ verdict: 'safe' });
  });
});
