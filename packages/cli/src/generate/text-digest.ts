// The generate stage's one content hash (SHA-256, hex; write/content-hash.ts is the
// same for the records, which generate may not import): names of shared validator
// functions, equal schemas, sharing candidates, and cache keys' stand-ins for large
// texts (a chunk's entries as JSON, a piece of index.ts): the cache keys an input by
// serializing it to JSON and hashing that, which for megabytes of text first escapes
// every quote and backslash; hashing the text itself once is the same content address
// at a fraction of the cost.
import { createHash } from 'node:crypto';

/** The SHA-256 of `text` (as UTF-8), hex. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * textDigest of `[${parts.join(',')}]` (a JSON array of the parts' texts), hashed part by part: the joined text of
 * megabytes would be copied flat once to be hashed, and again by any search of it.
 */
export function listDigest(parts: readonly string[]): string {
  const hash = createHash('sha256').update('[');
  for (const [index, part] of parts.entries()) hash.update(index === 0 ? part : `,${part}`);
  return hash.update(']').digest('hex');
}
