// The one hash of plangen's records (the manifest's fingerprint, the cache's
// keys): SHA-256, hex. Light on purpose: the fast path imports it.
import { createHash } from 'node:crypto';

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
