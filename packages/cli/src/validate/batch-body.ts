// Segment's /v1/batch request body, `{"batch": [...], "sentAt": ..., "context"?: ..., "integrations"?: ...}`,
// is read as the messages it holds. Segment applies the body's `context` and `integrations` to every
// call in the request; here each message keeps its own keys and gets the body's keys it lacks
// (the body's values fill in, the message's win), one level deep.

const BATCH_LEVEL = ['context', 'integrations'] as const;

/** The messages of a batch body, with the body's context and integrations merged in; undefined when `value` is not one. */
export function batchMessages(value: unknown): unknown[] | undefined {
  if (!isRecord(value) || Object.hasOwn(value, 'type') || !Object.hasOwn(value, 'batch')) return undefined;
  const batch = value['batch'];
  if (!Array.isArray(batch)) return undefined;
  const shared = BATCH_LEVEL.filter((key) => Object.hasOwn(value, key) && isRecord(value[key]));
  if (shared.length === 0) return batch;
  return batch.map((message) => (isRecord(message) ? withBatchLevel(message, value, shared) : message));
}

function withBatchLevel(message: Record<string, unknown>, body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const merged = copyOwn(message, {});
  for (const key of keys) {
    const own = Object.hasOwn(message, key) ? message[key] : undefined;
    if (own !== undefined && !isRecord(own)) continue;
    define(merged, key, copyOwn(own ?? {}, copyOwn(body[key] as Record<string, unknown>, {})));
  }
  return merged;
}

// Own keys copied as data properties, so a `__proto__` key stays a key.
function copyOwn(from: Record<string, unknown>, into: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(from)) define(into, key, from[key]);
  return into;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
