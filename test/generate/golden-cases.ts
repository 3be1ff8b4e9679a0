// Every golden output: a fixture plan, an output folder under fixtures/<case>/generated/, and the options.
import { readdirSync, readFileSync } from 'node:fs';
import type { GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { REPO_ROOT } from './compile-in-memory.js';

export interface GoldenCase {
  /** Plan file, relative to the repository root. */
  readonly plan: string;
  /** Output folder, relative to the repository root. */
  readonly out: string;
  readonly options: GenerateOptions;
}

const DEFAULTS: GenerateOptions = { client: 'analytics-next', mode: 'development', language: 'ts' };

// The real Segment plans Typewriter is tested with, copied from ../shared/compat/typewriter/.
const TYPEWRITER_PLANS = readdirSync(`${REPO_ROOT}fixtures`).filter((name) => name.startsWith('typewriter-'));

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { plan: 'fixtures/shop/plan.yaml', out: 'fixtures/shop/generated/analytics-next', options: DEFAULTS },
  { plan: 'fixtures/shop/plan.yaml', out: 'fixtures/shop/generated/analytics-node', options: { ...DEFAULTS, client: 'analytics-node' } },
  { plan: 'fixtures/shop/plan.yaml', out: 'fixtures/shop/generated/generic', options: { ...DEFAULTS, client: 'generic' } },
  {
    plan: 'fixtures/shop/plan.yaml',
    out: 'fixtures/shop/generated/analytics-next-production',
    options: { ...DEFAULTS, mode: 'production' },
  },
  { plan: 'fixtures/shop/plan.yaml', out: 'fixtures/shop/generated/analytics-next-js', options: { ...DEFAULTS, language: 'js' } },
  { plan: 'fixtures/shop/plan.yaml', out: 'fixtures/shop/generated/analytics-react-native', options: { ...DEFAULTS, client: 'analytics-react-native' } },
  // CommonJS (issue 19): require/exports code; the only goldens that may contain require(.
  { plan: 'fixtures/shop/plan.yaml', out: 'fixtures/shop/generated/analytics-node-cjs', options: { ...DEFAULTS, client: 'analytics-node', language: 'js', module: 'cjs' } },
  { plan: 'fixtures/segment-public-api/plan.json', out: 'fixtures/segment-public-api/generated/analytics-next', options: DEFAULTS },
  { plan: 'fixtures/segment-config-api/plan.json', out: 'fixtures/segment-config-api/generated/analytics-next', options: DEFAULTS },
  ...TYPEWRITER_PLANS.map((name) => ({ plan: `fixtures/${name}/plan.json`, out: `fixtures/${name}/generated/analytics-next`, options: DEFAULTS })),
];

/** The files of a golden folder on disk, by name. */
export function readGolden(out: string): Record<string, string> {
  let names: string[];
  try {
    names = readdirSync(REPO_ROOT + out);
  } catch {
    return {};
  }
  return Object.fromEntries(names.sort().map((name) => [name, readFileSync(`${REPO_ROOT}${out}/${name}`, 'utf8')]));
}
