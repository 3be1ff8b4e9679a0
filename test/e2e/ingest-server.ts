// A local stand-in for Segment's tracking API and CDN, on 127.0.0.1, that records
// every message it receives, so end-to-end tests can assert on what the real
// clients put on the wire.
//
// Endpoints (all under /v1):
// - POST batch, b, import: analytics-node and analytics-next's batching dispatcher ({ batch: [...] }).
// - POST t, i, g, p, s, a (analytics-next per call) and track, identify, group, page, screen, alias (HTTP API).
// - POST m: analytics-next's own metrics; answered, never recorded as a message.
// - GET projects/<writeKey>/settings: the analytics-next CDN settings, pointing Segment.io back at this server.
// Bodies may be gzip-encoded; browsers get CORS headers and preflight answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One message as it arrived: the endpoint it was posted to and the message itself. */
export interface ReceivedMessage {
  readonly endpoint: string;
  readonly payload: Record<string, unknown>;
}

export interface StaticFile {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

export interface IngestServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT`, for clients that take a host without the scheme. */
  readonly host: string;
  /** Every message received so far, in arrival order (batches flattened). */
  readonly messages: ReceivedMessage[];
  /** Requests the server did not understand: `METHOD path`. */
  readonly unknownRequests: string[];
  /** Write keys whose CDN settings were fetched, in order. */
  readonly settingsRequests: string[];
  /** Messages of one call type (`track`, `identify`, ...). */
  ofType(type: string): Record<string, unknown>[];
  /** Resolves once `count` messages have arrived in all; rejects after `timeoutMs` with what did arrive. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  clear(): void;
  close(): Promise<void>;
}

export interface IngestServerOptions {
  /** Extra files served by GET (the browser app's page and bundle), by path: `/index.html`. */
  readonly files?: Readonly<Record<string, StaticFile>>;
}

const BATCH_ENDPOINTS = new Set(['batch', 'b', 'import']);
const CALL_ENDPOINTS: Readonly<Record<string, string>> = {
  t: 'track', i: 'identify', g: 'group', p: 'page', s: 'screen', a: 'alias',
  track: 'track', identify: 'identify', group: 'group', page: 'page', screen: 'screen', alias: 'alias',
};

export async function startIngestServer(options: IngestServerOptions = {}): Promise<IngestServer> {
  const messages: ReceivedMessage[] = [];
  const unknownRequests: string[] = [];
  const settingsRequests: string[] = [];
  let waiters: (() => void)[] = [];
  let host = '';

  const record = (endpoint: string, payload: Record<string, unknown>) => {
    messages.push({ endpoint, payload });
    for (const wake of waiters) wake();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      unknownRequests.push(`${request.method ?? ''} ${request.url ?? ''} (${String(error)})`);
      send(response, 400, { error: String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') return send(response, 204);

    const file = options.files?.[url.pathname === '/' ? '/index.html' : url.pathname];
    if (method === 'GET' && file) {
      response.writeHead(200, { 'content-type': file.contentType, ...CORS });
      response.end(file.body);
      return;
    }
    const settings = /^\/v1\/projects\/([^/]+)\/settings$/.exec(url.pathname);
    if (method === 'GET' && settings) {
      const writeKey = decodeURIComponent(settings[1] ?? '');
      settingsRequests.push(writeKey);
      return send(response, 200, cdnSettings(writeKey, host));
    }

    const endpoint = /^\/v1\/([a-z]+)$/.exec(url.pathname)?.[1];
    if (method === 'POST' && endpoint === 'm') return send(response, 200, {});
    if (method === 'POST' && endpoint && (BATCH_ENDPOINTS.has(endpoint) || endpoint in CALL_ENDPOINTS)) {
      const body = parseBody(await readBody(request), request.headers['content-encoding']);
      if (BATCH_ENDPOINTS.has(endpoint)) {
        const batch = body['batch'];
        if (!Array.isArray(batch)) throw new Error(`POST /v1/${endpoint} without a batch array`);
        for (const message of batch) record(endpoint, asRecord(message));
      } else {
        record(endpoint, { type: CALL_ENDPOINTS[endpoint], ...body });
      }
      return send(response, 200, { success: true });
    }
    unknownRequests.push(`${method} ${url.pathname}`);
    send(response, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `http://${host}`,
    host,
    messages,
    unknownRequests,
    settingsRequests,
    ofType: (type) => messages.map((message) => message.payload).filter((payload) => payload['type'] === type),
    waitForMessages: (count, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return false;
          clearTimeout(timer);
          waiters = waiters.filter((waiter) => waiter !== check);
          resolve([...messages]);
          return true;
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== check);
          reject(new Error(`expected ${count} messages, received ${messages.length}: ${JSON.stringify(messages)}`));
        }, timeoutMs);
        if (!check()) waiters.push(check);
      }),
    clear: () => {
      messages.length = 0;
      unknownRequests.length = 0;
      settingsRequests.length = 0;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// The browser page may come from another origin; analytics-next posts text/plain to avoid preflights, batches post JSON.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
};

function send(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, { ...CORS, ...(body === undefined ? {} : { 'content-type': 'application/json' }) });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

/**
 * analytics-next's settings as its CDN serves them, reduced to the Segment.io destination:
 * no remote plugins, no legacy destinations, metrics off, and the API host pointing here.
 */
function cdnSettings(writeKey: string, host: string): Record<string, unknown> {
  return {
    integrations: { 'Segment.io': { apiKey: writeKey, apiHost: `${host}/v1`, protocol: 'http', unbundledIntegrations: [], addBundledMetadata: true } },
    plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, encoding: string | undefined): Record<string, unknown> {
  const text = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  return asRecord(JSON.parse(text));
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}
