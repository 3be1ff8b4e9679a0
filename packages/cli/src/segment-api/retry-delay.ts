// How long to wait before the next attempt. 429: what Retry-After says (the rules
// endpoint allows about 200 requests a minute); 5xx and network failures: an
// exponential backoff. Both bounded, so a broken server ends in an error, not a hang.

export const MAX_ATTEMPTS = 5;
/** Retry-After longer than this is not waited for: the run fails with the server's answer instead. */
export const MAX_RETRY_AFTER_MS = 120_000;

export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
