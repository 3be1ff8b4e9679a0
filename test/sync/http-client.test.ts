// The Public API client alone: timeouts and network failures retried with a
// bounded backoff, Retry-After as seconds or a date, and the token redacted from
// every message it builds (fetch's own included).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../packages/cli/src/segment-api/http-client.js';
import { redact } from '../../packages/cli/src/segment-api/redact.js';
import { retryAfterMs } from '../../packages/cli/src/segment-api/retry-delay.js';
import { PlanError } from '../../packages/cli/src/errors.js';

const TOKEN = 'sgp_client-token-1234';

describe('segment-api client', () => {
  it('retries a request that times out, with a doubling backoff, then fails with a clear error', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const waits: number[] = [];
    const notes: string[] = [];
    const client = createClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: TOKEN,
      timeoutMs: 50,
      maxAttempts: 3,
      sleep: async (ms) => void waits.push(ms),
      onRetry: (message) => notes.push(message),
    });
    try {
      const error = await client.request('GET', '/tracking-plans/tp_1', { subject: 'tracking plan "tp_1"' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PlanError);
      expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/tracking-plans\/tp_1: no answer after 3 attempts: timed out after 50 ms\. Check your network and --api-url, then run it again\.$/);
      expect(waits).toEqual([500, 1000]);
      expect(notes).toHaveLength(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a refused connection is retried, then reported without the token', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, maxAttempts: 2, sleep: async () => {} });
    const error = (await client.request('GET', '/tracking-plans/tp_1', { subject: 'x' }).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('no answer after 2 attempts: ECONNREFUSED');
    expect(error.message).not.toContain(TOKEN);
  });

  it('a 429 whose Retry-After is longer than two minutes is not waited for', async () => {
    const calls: number[] = [];
    const client = createClient({
      baseUrl: 'http://segment.test',
      token: TOKEN,
      sleep: async () => {},
      fetch: async () => {
        calls.push(1);
        return new Response('{"errors":[{"message":"slow down"}]}', { status: 429, headers: { 'retry-after': '3600' } });
      },
    });
    const error = (await client.request('GET', '/tracking-plans/tp_1/rules', { subject: 'x' }).catch((caught: unknown) => caught)) as Error;
    expect(calls).toHaveLength(1);
    expect(error.message).toContain('429 Too Many Requests (slow down): still rate limited after 1 attempts. Wait a minute and run it again.');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs('Sun, 06 Dec 2026 08:00:10 GMT', Date.parse('Sun, 06 Dec 2026 08:00:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('sends the token only in the Authorization header, and the JSON body with Segment\'s media type', async () => {
    const seen: { url: string; headers: Headers; body: string }[] = [];
    const client = createClient({
      baseUrl: 'https://eu1.api.segmentapis.com',
      token: TOKEN,
      fetch: async (url, init) => {
        seen.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body) });
        return new Response('{"data":{"status":"SUCCESS"}}', { status: 200 });
      },
    });
    await client.request('PUT', '/tracking-plans/tp%201/rules', { body: { rules: [] }, subject: 'x' });
    expect(seen[0]!.url).toBe('https://eu1.api.segmentapis.com/tracking-plans/tp%201/rules');
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]!.headers.get('content-type')).toBe('application/vnd.segment.v1+json');
    expect(seen[0]!.body).toBe('{"rules":[]}');
  });

  it('redacts every occurrence of the token', () => {
    expect(redact(`a ${TOKEN} b ${TOKEN}`, TOKEN)).toBe('a [redacted token] b [redacted token]');
    expect(redact('nothing', '')).toBe('nothing');
  });
});
