// The lint rules, as a map from the sentence each one prints to its check (the
// json-schema-to-typescript way: a rule's name is its message). Each rule has an
// id for the config file and a default severity; the checks live in checks/.
import { missingDescription, nameCollision, namingConvention } from './checks/names.js';
import { invalidPattern, lookaheadPattern, redosPattern, unanchoredPattern } from './checks/patterns.js';
import { emptyEvent, inconsistentPropertyType, unchangedVersion } from './checks/schemas.js';
import { unsatisfiableSchema } from './checks/unsatisfiable.js';
import type { LintContext, RuleFinding } from './finding.js';
import type { LintRuleId } from './rule-ids.js';

export type { LintContext, RuleFinding } from './finding.js';

export interface LintRule {
  readonly id: LintRuleId;
  readonly severity: 'warn' | 'error';
  readonly check: (context: LintContext) => RuleFinding[];
}

export const RULES: ReadonlyMap<string, LintRule> = new Map<string, LintRule>([
  ['Event and property names follow the naming convention', { id: 'naming-convention', severity: 'warn', check: namingConvention }],
  ['Names stay distinct after normalization', { id: 'name-collision', severity: 'error', check: nameCollision }],
  ['Events and properties have a description', { id: 'missing-description', severity: 'warn', check: missingDescription }],
  ['A property name has one type across events', { id: 'inconsistent-property-type', severity: 'warn', check: inconsistentPropertyType }],
  ['Permitted-value patterns are valid regular expressions', { id: 'invalid-pattern', severity: 'error', check: invalidPattern }],
  ['Permitted-value patterns are anchored with ^ and $', { id: 'unanchored-pattern', severity: 'warn', check: unanchoredPattern }],
  [
    'Permitted-value patterns do not use negative lookahead, which Protocols does not support',
    { id: 'lookahead-pattern', severity: 'error', check: lookaheadPattern },
  ],
  ['Permitted-value patterns cannot backtrack catastrophically', { id: 'redos-pattern', severity: 'error', check: redosPattern }],
  ['Events define at least one property', { id: 'empty-event', severity: 'warn', check: emptyEvent }],
  ['Each new version changes the schema of the version before it', { id: 'unchanged-version', severity: 'warn', check: unchangedVersion }],
  ['Every schema accepts some value', { id: 'unsatisfiable-schema', severity: 'warn', check: unsatisfiableSchema }],
]);
