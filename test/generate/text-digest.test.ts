// listDigest hashes a list of texts part by part to the digest of their JSON array's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listDigest, textDigest } from '../../packages/cli/src/generate/text-digest.js';
import { fuzzParameters } from '../fuzz/runs.js';

describe('listDigest', () => {
  it('is textDigest of the parts joined as a JSON array, for any texts (wide and lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), { maxLength: 12 }), (parts) => {
        expect(listDigest(parts)).toBe(textDigest(`[${parts.join(',')}]`));
      }),
      fuzzParameters(200),
    );
  });

  it('is the joined text\'s digest (parts are JSON texts, so equal joins are equal lists), empty lists included', () => {
    expect(listDigest(['a,b'])).toBe(listDigest(['a', 'b']));
    expect(listDigest(['"a"', '"b"'])).not.toBe(listDigest(['"b"', '"a"']));
    expect(listDigest([])).toBe(textDigest('[]'));
    expect(listDigest([''])).toBe(textDigest('[]'));
  });
});
