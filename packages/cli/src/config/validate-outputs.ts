// Checks the config's `outputs` list entry by entry, so an error points at the
// one wrong key (`plangen.config.json#/outputs/1/include/labels`) and shows a
// correct line to copy, like validate-config.ts does for the top-level keys.
import { PlanError } from '../errors.js';
import { CLIENT_KINDS, GENERATE_MODES, MODULE_FORMATS, OUTPUT_LANGUAGES } from '../generate/options.js';
import type { OutputConfig } from './types.js';

interface KeyRule {
  readonly expected: string;
  readonly example: string;
  readonly check: (value: unknown) => boolean;
}

const oneOf = (values: readonly string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');

const SELECTION_EXAMPLE = '{ "labels": ["platform:web"], "events": ["Order *"] }';

const OUTPUT_KEYS: Readonly<Record<keyof OutputConfig, KeyRule>> = {
  out: { expected: 'a path to the output folder, relative to the config file', example: '"out": "web/src/analytics"', check: (value) => typeof value === 'string' && value !== '' },
  client: { expected: `one of ${quoted(CLIENT_KINDS)}`, example: '"client": "analytics-node"', check: oneOf(CLIENT_KINDS) },
  mode: { expected: `one of ${quoted(GENERATE_MODES)}`, example: '"mode": "production"', check: oneOf(GENERATE_MODES) },
  language: { expected: `one of ${quoted(OUTPUT_LANGUAGES)}`, example: '"language": "js"', check: oneOf(OUTPUT_LANGUAGES) },
  module: { expected: `one of ${quoted(MODULE_FORMATS)}`, example: '"module": "cjs"', check: oneOf(MODULE_FORMATS) },
  include: { expected: 'an object with "labels" and/or "events" lists', example: `"include": ${SELECTION_EXAMPLE}`, check: isObject },
  exclude: { expected: 'an object with "labels" and/or "events" lists', example: `"exclude": ${SELECTION_EXAMPLE}`, check: isObject },
};

const RULE_KEYS = {
  labels: { expected: 'a list of labels, each "key:value" or a bare "key"', example: '"labels": ["platform:web"]' },
  events: { expected: 'a list of event names or globs (* and ?)', example: '"events": ["Order *"]' },
} as const;

/** Throws a located PlanError for the first wrong entry; `pointer` is the config's (`/plangen` in package.json). */
export function checkOutputs(value: unknown, file: string, pointer: string): void {
  const at = `${pointer}/outputs`;
  if (!Array.isArray(value) || value.length === 0) {
    fail(file, at, `"outputs" must be a non-empty list of outputs, not ${describe(value)}`, `Write it like { "outputs": [{ "out": "src/analytics" }] }`);
  }
  const seen = new Map<string, number>();
  value.forEach((output: unknown, index) => {
    const here = `${at}/${index}`;
    if (!isObject(output)) fail(file, here, `output ${index} must be an object, not ${describe(output)}`, 'Write it like { "out": "src/analytics", "client": "analytics-node" }');
    for (const [key, item] of Object.entries(output)) {
      const rule = (OUTPUT_KEYS as Record<string, KeyRule | undefined>)[key];
      if (rule === undefined) fail(file, `${here}/${key}`, `unknown key "${key}" in output ${index}`, `Use only ${quoted(Object.keys(OUTPUT_KEYS))}`);
      if (!rule.check(item)) fail(file, `${here}/${key}`, `"${key}" of output ${index} must be ${rule.expected}, not ${describe(item)}`, `Write it like { ${rule.example} }`);
      if (key === 'include' || key === 'exclude') checkRule(item as Record<string, unknown>, file, `${here}/${key}`, `"${key}" of output ${index}`);
    }
    if (output['out'] === undefined) fail(file, here, `output ${index} has no "out"`, 'Give each output its folder: { "out": "src/analytics" }');
    const out = String(output['out']).replace(/[\\/]+$/, '');
    const earlier = seen.get(out);
    if (earlier !== undefined) fail(file, `${here}/out`, `outputs ${earlier} and ${index} both write to "${out}"`, 'Give each output a folder of its own');
    seen.set(out, index);
  });
}

function checkRule(rule: Record<string, unknown>, file: string, pointer: string, what: string): void {
  for (const [key, item] of Object.entries(rule)) {
    const expected = (RULE_KEYS as Record<string, (typeof RULE_KEYS)[keyof typeof RULE_KEYS] | undefined>)[key];
    if (expected === undefined) fail(file, `${pointer}/${key}`, `unknown key "${key}" in ${what}`, 'Use only "labels", "events"');
    if (!isStringList(item)) fail(file, `${pointer}/${key}`, `"${key}" in ${what} must be ${expected.expected}, not ${describe(item)}`, `Write it like { ${expected.example} }`);
  }
}

function fail(file: string, pointer: string, problem: string, fix: string): never {
  throw new PlanError({ file, pointer }, `invalid plangen config: ${problem}`, fix);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list holding something else';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}
