// A local Segment Public API for the sync tests: the tracking-plan endpoints
// pull and push call (GET the plan, GET its rules with cursor pagination, PUT
// the rules), with the token check, small pages so every pull spans several,
// and scripted failures (401, 404, 429 with Retry-After, 5xx, a malformed body).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredRule {
  type: string;
  key?: string;
  version: number;
  jsonSchema: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
}

export interface StoredPlan {
  id: string;
  name: string;
  description?: string;
  rules: StoredRule[];
}

/** One scripted answer, used once, for requests whose path (without the query) ends with `path`. */
export interface ScriptedAnswer {
  readonly method?: string;
  readonly path: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
  readonly at: number;
}

export interface SegmentServer {
  readonly url: string;
  readonly plans: Map<string, StoredPlan>;
  readonly requests: RecordedRequest[];
  script(answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

export async function startSegmentServer(token: string, options: { pageSize?: number; shuffle?: boolean } = {}): Promise<SegmentServer> {
  const plans = new Map<string, StoredPlan>();
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedAnswer[] = [];
  const pageSize = options.pageSize ?? 3;
  let reversed = false;

  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body, at: Date.now() });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(typeof value === 'string' ? value : JSON.stringify(value));
    };
    const index = scripted.findIndex((answer) => url.pathname.endsWith(answer.path) && (answer.method ?? 'GET') === request.method);
    if (index !== -1) {
      const [answer] = scripted.splice(index, 1);
      return send(answer!.status, answer!.body, answer!.headers);
    }
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, { errors: [{ type: 'unauthorized', message: 'Unauthorized' }] });
    const match = /^\/tracking-plans\/([^/]+)(\/rules)?$/.exec(url.pathname);
    const plan = match ? plans.get(decodeURIComponent(match[1]!)) : undefined;
    if (match === null || plan === undefined) return send(404, { errors: [{ type: 'not-found', message: 'Resource not found' }] });
    if (match[2] === undefined && request.method === 'GET') {
      return send(200, { data: { trackingPlan: { id: plan.id, name: plan.name, slug: 'slug', description: plan.description ?? '', type: 'LIVE', createdAt: '2026-01-01T00:00:00Z', updatedAt: new Date().toISOString() } } });
    }
    if (request.method === 'GET') {
      const count = Number(url.searchParams.get('pagination.count'));
      if (!Number.isInteger(count) || count < 1 || count > 200) return send(422, { errors: [{ type: 'validation', message: 'pagination.count must be 1..200' }] });
      const cursor = url.searchParams.get('pagination.cursor');
      const offset = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8'));
      const size = Math.min(count, pageSize);
      // The same rules in another order on every other listing, so the file's order cannot come from the server's.
      if (cursor === null && options.shuffle === true) reversed = !reversed;
      const ordered = reversed ? [...plan.rules].reverse() : plan.rules;
      const rules = ordered.slice(offset, offset + size).map((rule) => ({ createdAt: '2026-01-01T00:00:00Z', updatedAt: new Date().toISOString(), deprecatedAt: '0001-01-01T00:00:00.000Z', ...rule }));
      const next = offset + size < plan.rules.length ? Buffer.from(String(offset + size)).toString('base64') : null;
      return send(200, { data: { rules, pagination: { current: cursor ?? 'MA==', next, previous: null, totalEntries: plan.rules.length } } });
    }
    if (request.method === 'PUT') {
      const parsed = JSON.parse(body) as { rules?: StoredRule[] };
      if (!Array.isArray(parsed.rules) || parsed.rules.some((rule) => typeof rule.type !== 'string' || typeof rule.jsonSchema !== 'object' || !Number.isInteger(rule.version))) {
        return send(422, { errors: [{ type: 'validation', message: 'rules must be a list of RuleInputV1' }] });
      }
      plan.rules = parsed.rules.map(({ type, key, version, jsonSchema }) => ({ type, ...(key !== undefined ? { key } : {}), version, jsonSchema }));
      return send(200, { data: { status: 'SUCCESS' } });
    }
    return send(405, { errors: [{ type: 'method', message: 'Method not allowed' }] });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    plans,
    requests,
    script: (answer) => scripted.push(answer),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The tracking plan of fixtures/segment-public-api/plan.json, as the server would hold it. */
export function storedPlanFrom(id: string, fixture: { name?: string; rules: StoredRule[] }): StoredPlan {
  return { id, name: fixture.name ?? 'Plan', rules: fixture.rules.map(({ type, key, version, jsonSchema }) => ({ type, ...(key !== undefined ? { key } : {}), version, jsonSchema })) };
}
