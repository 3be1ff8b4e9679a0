// The lint rule ids and options as the config file names them. Kept apart from
// the rules themselves so config validation can import them cheaply.

export const LINT_RULE_IDS = [
  'naming-convention',
  'name-collision',
  'missing-description',
  'inconsistent-property-type',
  'invalid-pattern',
  'unanchored-pattern',
  'lookahead-pattern',
  'redos-pattern',
  'empty-event',
  'unchanged-version',
  'unsatisfiable-schema',
] as const;

export type LintRuleId = (typeof LINT_RULE_IDS)[number];

export const LINT_SEVERITIES = ['off', 'warn', 'error'] as const;

export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** Naming styles: "Title Case" is Segment's Object Action form ("Order Completed"). */
export const NAMING_STYLES = ['Title Case', 'snake_case', 'camelCase'] as const;

export type NamingStyle = (typeof NAMING_STYLES)[number];

export interface NamingOptions {
  readonly events?: NamingStyle;
  readonly properties?: NamingStyle;
}

/** A rule's config entry: a severity, or `[severity, options]` (options only for naming-convention). */
export type LintRuleSetting = LintSeverity | readonly [LintSeverity] | readonly [LintSeverity, NamingOptions];

/** The config file's `lint` key. */
export type LintConfig = Readonly<Partial<Record<LintRuleId, LintRuleSetting>>>;
