// The one HTTP client of the Segment Public API. Node 20's own fetch (undici):
// the few calls plangen makes need no SDK, and @segment/public-api-sdk-typescript
// pulls in the deprecated `request` package and its dependency tree, which every
// install of plangen would carry for two commands. Retries, timeouts and the
// token's redaction live here, once, for every endpoint.
import { PlanError } from '../errors.js';
import { oneLine } from '../messages/quote.js';
import { redact } from './redact.js';
import { MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, backoffMs, retryAfterMs } from './retry-delay.js';
import { parseJsonBody, type JsonBody } from './response-json.js';

export const DEFAULT_API_URL = 'https://api.segmentapis.com';

export interface ClientOptions {
  /** https://api.segmentapis.com (US) or https://eu1.api.segmentapis.com (EU). */
  readonly baseUrl: string;
  readonly token: string;
  /** Per attempt; a timed-out attempt is retried like a 5xx. */
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  /** First backoff after a 5xx or a network failure; doubled on each further attempt. */
  readonly backoffBaseMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told about each wait, so a command can say why it is slow. */
  readonly onRetry?: (message: string) => void;
}

export interface RequestOptions {
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** What the request is about, for 404 messages: `tracking plan "tp_1"`. */
  readonly subject: string;
}

export interface Response {
  readonly body: JsonBody;
  /** Method and URL, as errors name them. */
  readonly where: string;
}

export interface SegmentClient {
  request(method: 'GET' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions): Promise<Response>;
}

const CONTENT_TYPE = 'application/vnd.segment.v1+json';

export function createClient(options: ClientOptions): SegmentClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const backoffBase = options.backoffBaseMs ?? 500;
  const secret = options.token;
  const clean = (text: string) => oneLine(redact(text, secret));

  return {
    async request(method, path, request) {
      const url = new URL(path.replace(/^\//, ''), options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
      for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
      const where = clean(`${method} ${url.toString()}`);
      for (let attempt = 1; ; attempt += 1) {
        let response: globalThis.Response;
        try {
          response = await doFetch(url, {
            method,
            headers: {
              authorization: `Bearer ${secret}`,
              accept: `${CONTENT_TYPE}, application/json`,
              ...(request.body !== undefined ? { 'content-type': CONTENT_TYPE } : {}),
            },
            ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          const reason = networkReason(error, timeoutMs);
          if (attempt >= maxAttempts) {
            throw new PlanError({ file: where }, clean(`no answer after ${attempt} attempts: ${reason}`), 'Check your network and --api-url, then run it again');
          }
          const wait = backoffMs(attempt, backoffBase);
          options.onRetry?.(clean(`${where}: ${reason}; retrying in ${seconds(wait)}`));
          await sleep(wait);
          continue;
        }
        const text = await response.text();
        if (response.ok) return { body: parseJsonBody(text, where), where };
        const retry = retryWait(response, attempt, backoffBase);
        if (retry !== undefined && attempt < maxAttempts) {
          options.onRetry?.(`${where}: ${response.status} ${clean(response.statusText)}; retrying in ${seconds(retry)}`);
          await sleep(retry);
          continue;
        }
        throw statusError(response.status, clean(serverMessage(text) ?? response.statusText), where, request.subject, attempt);
      }
    },
  };
}

/** The wait before retrying this answer, or undefined when it must not be retried. */
function retryWait(response: globalThis.Response, attempt: number, backoffBase: number): number | undefined {
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt, Math.max(backoffBase, 1000));
    return wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
  }
  return response.status >= 500 ? backoffMs(attempt, backoffBase) : undefined;
}

function statusError(status: number, message: string, where: string, subject: string, attempts: number): PlanError {
  const said = message !== '' ? ` (${message})` : '';
  if (status === 401) {
    return new PlanError({ file: where }, `401 Unauthorized${said}: the token in SEGMENT_PUBLIC_API_TOKEN is missing, invalid or expired`, 'Create a new Public API token in Segment and export it as SEGMENT_PUBLIC_API_TOKEN');
  }
  if (status === 403) {
    return new PlanError({ file: where }, `403 Forbidden${said}: the token lacks access to Protocols tracking plans, or the workspace has no Protocols`, 'Give the token the Tracking Plan Read-only role (pull) or Tracking Plan Admin (push)');
  }
  if (status === 404) {
    return new PlanError({ file: where }, `404 Not Found${said}: no ${subject} in the token's workspace`, 'Check the id (--tracking-plan or "trackingPlan" in the config) and that --api-url is your workspace\'s region (US or EU)');
  }
  if (status === 429) {
    return new PlanError({ file: where }, `429 Too Many Requests${said}: still rate limited after ${attempts} attempts`, 'Wait a minute and run it again');
  }
  if (status >= 500) {
    return new PlanError({ file: where }, `${status} server error${said} after ${attempts} attempts`, 'Segment may be having trouble (status.segment.com); run it again later');
  }
  return new PlanError({ file: where }, `${status} ${said.slice(2, -1) || 'request refused'}`, 'Check the plan and the flags');
}

/** Segment answers errors as `{ "errors": [{ "type", "message" }] }`. */
function serverMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { errors?: { message?: unknown }[] };
    const messages = (parsed.errors ?? []).map((error) => error.message).filter((message): message is string => typeof message === 'string');
    return messages.length > 0 ? messages.join('; ').slice(0, 300) : undefined;
  } catch {
    return text.trim() !== '' ? text.trim().slice(0, 120) : undefined;
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${seconds(timeoutMs)}`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = typeof cause?.message === 'string' ? cause.message : (error as Error).message;
  return code !== undefined ? `${code} (${message})` : String(message);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
