// Checks a loaded config value key by key. Each key knows how it should look,
// so an error can show the user a correct line to copy.
import { PlanError } from '../errors.js';
import { CLIENT_KINDS, GENERATE_MODES, MODULE_FORMATS, OUTPUT_LANGUAGES } from '../generate/options.js';
import { checkAuditConfig } from '../audit/audit-config.js';
import { checkLintConfig } from '../lint/lint-config.js';
import { PLAN_FORMATS } from '../model/types.js';
import type { PlangenConfig } from './types.js';
import { checkOutputs } from './validate-outputs.js';
import { checkDocsConfig } from './validate-docs-config.js';

interface KeyRule {
  /** What a valid value is, completing "must be ...". */
  readonly expected: string;
  readonly example: string;
  readonly check: (value: unknown) => boolean;
}

const isString = (value: unknown) => typeof value === 'string' && value !== '';
const oneOf = (values: readonly string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

const KEYS: Readonly<Record<keyof PlangenConfig, KeyRule>> = {
  plan: { expected: 'a path to the tracking plan, relative to the config file', example: '"plan": "plan.yaml"', check: isString },
  out: { expected: 'a path to the output folder, relative to the config file', example: '"out": "src/analytics"', check: isString },
  client: { expected: `one of ${quoted(CLIENT_KINDS)}`, example: '"client": "analytics-next"', check: oneOf(CLIENT_KINDS) },
  mode: { expected: `one of ${quoted(GENERATE_MODES)}`, example: '"mode": "production"', check: oneOf(GENERATE_MODES) },
  language: { expected: `one of ${quoted(OUTPUT_LANGUAGES)}`, example: '"language": "ts"', check: oneOf(OUTPUT_LANGUAGES) },
  module: { expected: `one of ${quoted(MODULE_FORMATS)}`, example: '"module": "cjs"', check: oneOf(MODULE_FORMATS) },
  // Each output is checked by checkOutputs, which points at the wrong key inside it.
  outputs: { expected: 'a non-empty list of outputs', example: '"outputs": [{ "out": "src/analytics" }]', check: (value) => Array.isArray(value) },
  inputFormat: { expected: `one of ${quoted(PLAN_FORMATS)}`, example: '"inputFormat": "plangen"', check: oneOf(PLAN_FORMATS) },
  // Each rule entry is checked by checkLintConfig once the key is known to be an object.
  lint: {
    expected: 'an object of rule name to "off", "warn" or "error"',
    example: '"lint": { "<rule name>": "warn" }',
    check: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  },
  acceptedPatterns: {
    expected: 'a list of patterns, each exactly as written in the plan',
    example: '"acceptedPatterns": ["^(a|ab)*$"]',
    check: (value) => Array.isArray(value) && value.every((pattern) => typeof pattern === 'string'),
  },
  // Each kind's severity is checked by checkAuditConfig once the key is known to be an object.
  audit: {
    expected: 'an object of finding kind to "off", "note", "warn" or "error"',
    example: '"audit": { "raw-planned": "error" }',
    check: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  },
  trackingPlan: { expected: 'a Segment tracking plan id', example: '"trackingPlan": "tp_2CJh7O9XUIirKFn4pabvhz8Cn9K"', check: isString },
  apiUrl: { expected: 'an http(s) URL of the Segment Public API', example: '"apiUrl": "https://eu1.api.segmentapis.com"', check: (value) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) },
  // Each key is checked by checkDocsConfig once the key is known to be an object.
  docs: {
    expected: 'an object with "out" and/or "format"',
    example: '"docs": { "out": "docs/tracking-plan", "format": "html" }',
    check: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  },
};

/**
 * @param file where the config came from, as shown in errors
 * @param pointer JSON pointer of the config inside that file (`/plangen` in package.json)
 */
export function validateConfig(raw: unknown, file: string, pointer = ''): PlangenConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PlanError(
      pointer ? { file, pointer } : { file },
      `invalid plangen config: it must be an object, not ${describe(raw)}`,
      'Write it like { "plan": "plan.yaml", "out": "src/analytics" }',
    );
  }
  for (const [key, value] of Object.entries(raw)) {
    const rule = (KEYS as Record<string, KeyRule | undefined>)[key];
    if (rule === undefined) {
      throw new PlanError(
        { file, pointer: `${pointer}/${key}` },
        `invalid plangen config: unknown key "${key}"`,
        `Use only ${quoted(Object.keys(KEYS))}`,
      );
    }
    if (!rule.check(value)) {
      throw new PlanError(
        { file, pointer: `${pointer}/${key}` },
        `invalid plangen config: "${key}" must be ${rule.expected}, not ${describe(value)}`,
        `Write it like { ${rule.example} }`,
      );
    }
    if (key === 'lint') checkLintConfig(value as object, file, `${pointer}/lint`);
    if (key === 'audit') checkAuditConfig(value as object, file, `${pointer}/audit`);
    if (key === 'outputs') checkOutputs(value, file, pointer);
    if (key === 'docs') checkDocsConfig(value as object, file, `${pointer}/docs`);
  }
  if ('outputs' in raw && 'out' in raw) {
    throw new PlanError(
      { file, pointer: `${pointer}/out` },
      'invalid plangen config: "out" and "outputs" cannot both be given',
      'Move "out" into the outputs list: { "outputs": [{ "out": "src/analytics" }] }',
    );
  }
  return raw as PlangenConfig;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value}`;
}
