// The ingest server itself: what the end-to-end tests rely on it to record.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from './ingest-server.js';

describe('ingest server', () => {
  let server: IngestServer;
  beforeAll(async () => {
    server = await startIngestServer({ files: { '/index.html': { contentType: 'text/html', body: '<p>hi</p>' } } });
  });
  afterAll(() => server.close());
  beforeEach(() => server.clear());

  const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', body: typeof body === 'string' ? body : Uint8Array.from(body).buffer, headers });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`http://${server.host}`);
  });

  it('flattens gzip-encoded batches', async () => {
    const body = gzipSync(JSON.stringify({ batch: [{ type: 'track', event: 'A' }, { type: 'identify', userId: 'u1' }] }));
    const response = await post('/v1/batch', body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(server.messages).toEqual([
      { endpoint: 'batch', payload: { type: 'track', event: 'A' } },
      { endpoint: 'batch', payload: { type: 'identify', userId: 'u1' } },
    ]);
  });

  it('records per-call endpoints with their call type', async () => {
    await post('/v1/t', JSON.stringify({ event: 'B' }), { 'content-type': 'text/plain' });
    await post('/v1/g', JSON.stringify({ groupId: 'g1' }));
    await post('/v1/identify', JSON.stringify({ userId: 'u2' }));
    expect(server.ofType('track')).toEqual([{ type: 'track', event: 'B' }]);
    expect(server.ofType('group')).toEqual([{ type: 'group', groupId: 'g1' }]);
    expect(server.ofType('identify')).toEqual([{ type: 'identify', userId: 'u2' }]);
  });

  it('answers metrics without recording them', async () => {
    expect((await post('/v1/m', '{"series":[]}')).status).toBe(200);
    expect(server.messages).toEqual([]);
  });

  it('serves CDN settings that point Segment.io back at itself', async () => {
    const response = await fetch(`${server.url}/v1/projects/wk_1/settings`);
    const settings = (await response.json()) as { integrations: Record<string, unknown>; remotePlugins: unknown[] };
    expect(settings.integrations['Segment.io']).toMatchObject({ apiKey: 'wk_1', apiHost: `${server.host}/v1`, protocol: 'http' });
    expect(settings.remotePlugins).toEqual([]);
    expect(server.settingsRequests).toEqual(['wk_1']);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(`${server.url}/v1/b`, { method: 'OPTIONS', headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
  });

  it('serves static files and notes what it does not understand', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toBe('<p>hi</p>');
    expect((await fetch(`${server.url}/v2/track`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await post('/v1/batch', '{"batch":3}')).status).toBe(400);
    expect(server.unknownRequests).toEqual(['POST /v2/track', 'POST /v1/batch (Error: POST /v1/batch without a batch array)']);
  });

  it('waits for messages and reports what arrived when they do not', async () => {
    const waiting = server.waitForMessages(1);
    await post('/v1/t', '{"event":"C"}');
    expect((await waiting).map((message) => message.payload['event'])).toEqual(['C']);
    await expect(server.waitForMessages(2, 50)).rejects.toThrow('expected 2 messages, received 1: [{"endpoint":"t","payload":{"type":"track","event":"C"}}]');
  });
});
