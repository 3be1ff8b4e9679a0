// The config file's `lint` key: rule id -> severity, or [severity, options]
// for naming-convention. Checked when the config loads, with errors that show a
// line to copy.
import { PlanError } from '../errors.js';
import {
  LINT_RULE_IDS,
  LINT_SEVERITIES,
  NAMING_STYLES,
  type LintConfig,
  type LintRuleId,
  type LintSeverity,
  type NamingOptions,
  type NamingStyle,
} from './rule-ids.js';

export interface LintSettings {
  /** Severities that override the rules' defaults. */
  readonly severities: Readonly<Partial<Record<LintRuleId, LintSeverity>>>;
  readonly naming: { readonly events: NamingStyle; readonly properties: NamingStyle };
  /** The config's `acceptedPatterns`. */
  readonly acceptedPatterns?: readonly string[];
}

/** Segment's recommendation: "Order Completed" events with snake_case properties. */
export const DEFAULT_NAMING = { events: 'Title Case', properties: 'snake_case' } as const;

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/**
 * @param raw the value of the `lint` key (already known to be an object)
 * @param pointer JSON pointer of the `lint` key in the config file
 */
export function checkLintConfig(raw: object, file: string, pointer: string): LintConfig {
  for (const [rule, setting] of Object.entries(raw)) {
    const at = { file, pointer: `${pointer}/${rule}` };
    if (!(LINT_RULE_IDS as readonly string[]).includes(rule)) {
      throw new PlanError(at, `invalid plangen config: unknown lint rule "${rule}"`, `Use one of ${quoted(LINT_RULE_IDS)}`);
    }
    const [severity, options, ...rest] = Array.isArray(setting) ? (setting as unknown[]) : [setting];
    if (!(LINT_SEVERITIES as readonly unknown[]).includes(severity) || rest.length > 0) {
      throw new PlanError(
        at,
        `invalid plangen config: lint rule "${rule}" must be "off", "warn" or "error"${rule === 'naming-convention' ? ', or [severity, options]' : ''}`,
        `Write it like { "${rule}": "warn" }`,
      );
    }
    if (options !== undefined) checkOptions(rule, options, at);
  }
  return raw as LintConfig;
}

function checkOptions(rule: string, options: unknown, at: { file: string; pointer: string }): void {
  const example = '"naming-convention": ["warn", { "events": "Title Case", "properties": "snake_case" }]';
  if (rule !== 'naming-convention') {
    throw new PlanError(at, `invalid plangen config: lint rule "${rule}" takes no options`, `Write it like { "${rule}": "warn" }`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new PlanError(at, 'invalid plangen config: the options of "naming-convention" must be an object', `Write it like { ${example} }`);
  }
  for (const [key, style] of Object.entries(options)) {
    if (key !== 'events' && key !== 'properties') {
      throw new PlanError(at, `invalid plangen config: unknown naming-convention option "${key}"`, `Use "events" and "properties", like { ${example} }`);
    }
    if (!(NAMING_STYLES as readonly unknown[]).includes(style)) {
      throw new PlanError(
        at,
        `invalid plangen config: naming-convention "${key}" must be one of ${quoted(NAMING_STYLES)}, not ${JSON.stringify(style)}`,
        `Write it like { ${example} }`,
      );
    }
  }
}

export function lintSettings(config: LintConfig | undefined): LintSettings {
  const severities: Partial<Record<LintRuleId, LintSeverity>> = {};
  let naming: NamingOptions = {};
  for (const [rule, setting] of Object.entries(config ?? {}) as [LintRuleId, LintConfig[LintRuleId]][]) {
    if (setting === undefined) continue;
    if (typeof setting === 'string') severities[rule] = setting;
    else {
      severities[rule] = setting[0];
      if (rule === 'naming-convention' && setting[1] !== undefined) naming = setting[1];
    }
  }
  return { severities, naming: { ...DEFAULT_NAMING, ...naming } };
}
