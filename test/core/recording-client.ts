// Fake analytics clients that record every call, shaped like analytics-next and analytics-node.

export interface RecordedCall {
  readonly method: string;
  readonly args: unknown[];
}

const METHODS = ['track', 'identify', 'group', 'page', 'screen'] as const;

/** A client with every method; `only` limits it to some. */
export function recordingClient(only: readonly (typeof METHODS)[number][] = METHODS) {
  const calls: RecordedCall[] = [];
  const client: Record<string, (...args: unknown[]) => void> = {};
  for (const method of only) client[method] = (...args: unknown[]) => void calls.push({ method, args });
  return { client: client as unknown as { track(...args: unknown[]): void }, calls };
}
