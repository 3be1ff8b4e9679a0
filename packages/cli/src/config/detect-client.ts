// Which analytics client a project uses, from the packages its package.json
// depends on, so `plangen init` writes the right `client`. RudderStack's SDKs
// speak the same calls as Segment's: its Node SDK takes analytics-node's
// messages, and its JavaScript SDK has analytics.js's methods without being
// Segment's analytics-next, which `generic` is for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientKind } from '../generate/options.js';
import { configSearchDirs } from './project-root.js';

export const CLIENT_PACKAGES = {
  '@segment/analytics-next': 'analytics-next',
  '@segment/analytics-node': 'analytics-node',
  '@segment/analytics-react-native': 'analytics-react-native',
  '@rudderstack/analytics-js': 'generic',
  '@rudderstack/rudder-sdk-node': 'analytics-node',
} as const satisfies Record<string, ClientKind>;

export type ClientPackage = keyof typeof CLIENT_PACKAGES;

/** Segment's package for a client kind, when no installed package says otherwise. */
const DEFAULT_PACKAGE: Readonly<Record<ClientKind, ClientPackage | 'generic'>> = {
  'analytics-next': '@segment/analytics-next',
  'analytics-node': '@segment/analytics-node',
  'analytics-react-native': '@segment/analytics-react-native',
  generic: 'generic',
};

export interface ClientChoice {
  readonly client: ClientKind;
  /** The installed package the SDK will be handed, or the client's usual one. */
  readonly package: ClientPackage | 'generic';
  /** Why this client, completing "client analytics-node: ...". */
  readonly reason: string;
}

/** --client wins; else the one client kind the project depends on; else (none, or several kinds) analytics-next. */
export function chooseClient(given: ClientKind | undefined, installed: readonly ClientPackage[]): ClientChoice {
  const installedPackage = (client: ClientKind) => installed.find((name) => CLIENT_PACKAGES[name] === client);
  if (given !== undefined) return { client: given, package: installedPackage(given) ?? DEFAULT_PACKAGE[given], reason: 'given as --client' };
  const kinds = [...new Set(installed.map((name) => CLIENT_PACKAGES[name]))];
  if (kinds.length === 1) {
    const client = kinds[0]!;
    return { client, package: installedPackage(client)!, reason: `${installedPackage(client)} is in package.json` };
  }
  const reason =
    kinds.length === 0
      ? 'the default; no analytics client is in package.json, pass --client to choose another'
      : `package.json has ${installed.join(' and ')}; pass --client to choose another`;
  return { client: 'analytics-next', package: installedPackage('analytics-next') ?? DEFAULT_PACKAGE['analytics-next'], reason };
}

const DEPENDENCY_KEYS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The client packages the nearest package.json (up to the project's root) depends on, in CLIENT_PACKAGES order. */
export function installedClientPackages(cwd: string): ClientPackage[] {
  const dir = configSearchDirs(cwd).find((candidate) => readPackageJson(candidate) !== undefined);
  const packageJson = dir === undefined ? undefined : readPackageJson(dir);
  if (packageJson === undefined) return [];
  const declared = new Set(
    DEPENDENCY_KEYS.flatMap((key) => {
      const dependencies = packageJson[key];
      return typeof dependencies === 'object' && dependencies !== null ? Object.keys(dependencies) : [];
    }),
  );
  return (Object.keys(CLIENT_PACKAGES) as ClientPackage[]).filter((name) => declared.has(name));
}

function readPackageJson(dir: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    // No package.json, or one that is not JSON: nothing to detect from (npm will say what is wrong with it).
    return undefined;
  }
}
