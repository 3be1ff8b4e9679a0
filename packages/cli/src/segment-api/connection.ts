// Which tracking plan, at which API, with which token: a flag wins over the
// config file; the token only ever comes from the environment (token.ts).
import { PlanError } from '../errors.js';
import { createClient, DEFAULT_API_URL, type ClientOptions, type SegmentClient } from './http-client.js';
import { readToken } from './token.js';

export interface ConnectionSettings {
  readonly trackingPlan?: string | undefined;
  readonly apiUrl?: string | undefined;
  /** Where the config came from, to name it when the id is missing. */
  readonly configFile?: string | undefined;
}

export interface Connection {
  readonly trackingPlan: string;
  readonly apiUrl: string;
  readonly client: SegmentClient;
}

export function connect(
  settings: ConnectionSettings,
  access: 'read' | 'write',
  env: NodeJS.ProcessEnv,
  extra: Partial<Omit<ClientOptions, 'baseUrl' | 'token'>> = {},
): Connection {
  const trackingPlan = settings.trackingPlan?.trim();
  if (trackingPlan === undefined || trackingPlan === '') {
    const where = settings.configFile ?? 'plangen.config.json';
    throw new PlanError({ file: settings.configFile ?? 'plangen' }, 'no tracking plan id given', `Pass --tracking-plan <id> (tp_...), or set "trackingPlan" in ${where}`);
  }
  const apiUrl = settings.apiUrl ?? DEFAULT_API_URL;
  let parsed: URL | undefined;
  try {
    parsed = new URL(apiUrl);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new PlanError({ file: '--api-url' }, `${JSON.stringify(apiUrl)} is not an http(s) URL`, `Use ${DEFAULT_API_URL} (US) or https://eu1.api.segmentapis.com (EU)`);
  }
  // The token goes in a header: over plain http it would cross the network readable. Only a local server (tests, a proxy on this machine) may use http.
  if (parsed.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) {
    throw new PlanError({ file: '--api-url' }, `${JSON.stringify(apiUrl)} is plain http: the token would travel unencrypted`, `Use https (${DEFAULT_API_URL}, or https://eu1.api.segmentapis.com for the EU)`);
  }
  const token = readToken(env, access);
  return { trackingPlan, apiUrl, client: createClient({ ...extra, baseUrl: apiUrl, token }) };
}
