// The lint rules, as a map from the sentence each one prints to its check (the
// json-schema-to-typescript way: a rule's name is its message). Each rule has an
// id for the config file and a default severity.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { sameJson } from '../diff/canonical-json.js';
import { pointerSegment } from '../diff/resolve-ref.js';
import { describeTypes, typeSet } from '../diff/type-set.js';
import { pascalCase } from '../model/names.js';
import type { PlanModel, SourceRef } from '../model/types.js';
import { followsStyle, SEGMENT_SPEC_TRAITS, toStyle } from './naming.js';
import { hasUnanchoredAlternative, parsePattern, usesNegativeLookahead, type ParsedPattern } from './pattern-analysis.js';
import { allSchemas, propertySchemas, versionLabel, type PlanSchema } from './plan-schemas.js';
import { checkPattern } from './redos.js';
import type { LintRuleId, NamingStyle } from './rule-ids.js';
import { namedProperties, walkSchema } from './walk-schema.js';

export interface LintContext {
  readonly model: PlanModel;
  readonly naming: { readonly events: NamingStyle; readonly properties: NamingStyle };
}

/** One place a rule fires: the element, where inside its schema, and the specifics. */
export interface RuleFinding {
  readonly source: SourceRef;
  readonly schemaPointer?: string;
  readonly schemaKind?: PlanSchema['kind'];
  /** The specifics and the fix, as sentences: `event "order done" is not Title Case. Rename it to "Order Done".` */
  readonly detail: string;
}

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
]);

function namingConvention({ model, naming }: LintContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const event of model.events) {
    if (!followsStyle(event.name, naming.events)) {
      findings.push({ source: event.source, detail: `event ${JSON.stringify(event.name)} is not ${naming.events}. ${renameHint(event.name, naming.events)}` });
    }
  }
  for (const plan of propertySchemas(model)) {
    for (const property of namedProperties(plan.schema)) {
      if (followsStyle(property.name, naming.properties)) continue;
      if (plan.kind === 'traits' && property.parent === '' && SEGMENT_SPEC_TRAITS.has(property.name)) continue;
      findings.push({
        ...at(plan, property.pointer),
        detail: `property ${JSON.stringify(property.name)} of ${plan.label} is not ${naming.properties}. ${renameHint(property.name, naming.properties)}`,
      });
    }
  }
  return findings;
}

function renameHint(name: string, style: NamingStyle): string {
  const renamed = toStyle(name, style);
  // A one-word event cannot become Object Action by re-casing it.
  return renamed === name ? 'Name the object, then the action, like "Order Completed"' : `Rename it to ${JSON.stringify(renamed)}`;
}

/** Names that differ only in case, spacing or punctuation: "Order Completed" and "order_completed". */
function nameCollision({ model }: LintContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const events = new Map<string, string>();
  for (const event of model.events) {
    const key = pascalCase(event.name).toLowerCase();
    const first = events.get(key);
    if (first === undefined) events.set(key, event.name);
    else {
      findings.push({
        source: event.source,
        detail: `event ${JSON.stringify(event.name)} collides with ${JSON.stringify(first)}. Merge them, or rename one so they differ in more than case and punctuation`,
      });
    }
  }
  for (const plan of propertySchemas(model)) {
    const seen = new Map<string, string>();
    for (const property of namedProperties(plan.schema)) {
      const key = `${property.parent}\u0000${pascalCase(property.name).toLowerCase()}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, property.name);
      else {
        findings.push({
          ...at(plan, property.pointer),
          detail: `property ${JSON.stringify(property.name)} of ${plan.label} collides with ${JSON.stringify(first)}. Keep one of them`,
        });
      }
    }
  }
  return findings;
}

function missingDescription({ model }: LintContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const event of model.events) {
    if (!hasText(event.description)) {
      findings.push({ source: event.source, detail: `event ${JSON.stringify(event.name)} has no description. Say when it is sent` });
    }
  }
  for (const plan of propertySchemas(model)) {
    for (const property of namedProperties(plan.schema)) {
      if (typeof property.schema === 'object' && hasText(property.schema.description)) continue;
      findings.push({
        ...at(plan, property.pointer),
        detail: `property ${JSON.stringify(property.name)} of ${plan.label} has no description. Say what it holds`,
      });
    }
  }
  return findings;
}

/**
 * Compares the top-level properties of each event's latest version (older
 * versions may differ on purpose: that is what versions are for). Null is left
 * out: being nullable in one event is not a different type.
 */
function inconsistentPropertyType({ model }: LintContext): RuleFinding[] {
  const uses = new Map<string, { type: string; event: string; plan: PlanSchema; pointer: string }[]>();
  for (const plan of propertySchemas(model)) {
    if (plan.event === undefined || plan.version !== plan.event.versions.at(-1)) continue;
    for (const [name, schema] of Object.entries(plan.schema.properties ?? {})) {
      const type = typeName(schema);
      if (type === undefined) continue;
      uses.set(name, [...(uses.get(name) ?? []), { type, event: plan.event.name, plan, pointer: `/properties/${pointerSegment(name)}` }]);
    }
  }
  const findings: RuleFinding[] = [];
  for (const [name, list] of uses) {
    const counts = new Map<string, number>();
    for (const use of list) counts.set(use.type, (counts.get(use.type) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The most used type is taken as the intended one; ties go to the first event.
    const usual = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    const usualEvents = list.filter((use) => use.type === usual).map((use) => JSON.stringify(use.event));
    for (const use of list) {
      if (use.type === usual) continue;
      findings.push({
        ...at(use.plan, use.pointer),
        detail:
          `property ${JSON.stringify(name)} is ${use.type} in event ${JSON.stringify(use.event)} but ${usual} in ${usualEvents.join(', ')}. ` +
          'Use one type, or a different name for a different meaning',
      });
    }
  }
  return findings;
}

function invalidPattern(context: LintContext): RuleFinding[] {
  return patterns(context.model).flatMap(({ plan, pointer, pattern, parsed }) => {
    if (parsed.ok) return [];
    return [{ ...at(plan, pointer), detail: `pattern ${JSON.stringify(pattern)} in ${plan.label} is not a valid regular expression: ${parsed.reason}` }];
  });
}

function unanchoredPattern(context: LintContext): RuleFinding[] {
  return patterns(context.model).flatMap(({ plan, pointer, pattern, parsed }) => {
    if (!parsed.ok || !hasUnanchoredAlternative(parsed.ast)) return [];
    return [
      {
        ...at(plan, pointer),
        detail:
          `pattern ${JSON.stringify(pattern)} in ${plan.label} matches anywhere in the value, so any longer value that contains a match passes too. ` +
          `Anchor it: ${JSON.stringify(`^(?:${pattern})$`)}`,
      },
    ];
  });
}

function lookaheadPattern(context: LintContext): RuleFinding[] {
  return patterns(context.model).flatMap(({ plan, pointer, pattern, parsed }) => {
    if (!parsed.ok || !usesNegativeLookahead(parsed.ast)) return [];
    return [
      {
        ...at(plan, pointer),
        detail: `pattern ${JSON.stringify(pattern)} in ${plan.label} uses negative lookahead (?!...). Express the exclusion with "not": { "pattern": ... } instead`,
      },
    ];
  });
}

function redosPattern(context: LintContext): RuleFinding[] {
  const checked = new Map<string, ReturnType<typeof checkPattern>>();
  return patterns(context.model).flatMap(({ plan, pointer, pattern }) => {
    const result = checked.get(pattern) ?? checkPattern(pattern);
    checked.set(pattern, result);
    if (result.ok) return [];
    return [
      {
        ...at(plan, pointer),
        detail: `pattern ${JSON.stringify(pattern)} in ${plan.label}: ${result.reason}. Rewrite it so no repeated part can match the same text in more than one way`,
      },
    ];
  });
}

/** The latest version is the one apps send; an older empty version is history. */
function emptyEvent({ model }: LintContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const event of model.events) {
    const latest = event.versions.at(-1);
    if (latest === undefined || latest.payload !== undefined) continue;
    if (Object.keys(latest.properties.properties ?? {}).length > 0 || hasCombinator(latest.properties)) continue;
    findings.push({
      source: latest.source,
      detail: `${versionLabel(event, latest)} defines no properties. Add the properties it sends, or remove the event if it carries no information`,
    });
  }
  return findings;
}

function unchangedVersion({ model }: LintContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const event of model.events) {
    event.versions.forEach((version, index) => {
      const previous = event.versions[index - 1];
      if (previous === undefined) return;
      const same =
        sameJson(withoutDocs(previous.properties), withoutDocs(version.properties)) &&
        sameJson(withoutDocs(previous.payload), withoutDocs(version.payload));
      if (!same) return;
      findings.push({
        source: version.source,
        detail: `${versionLabel(event, version)} has the same schema as v${previous.version}. Remove v${version.version}, or make the change it was added for`,
      });
    });
  }
  return findings;
}

function at(plan: PlanSchema, pointer: string): Pick<RuleFinding, 'source' | 'schemaPointer' | 'schemaKind'> {
  return { source: plan.source, schemaPointer: pointer, schemaKind: plan.kind };
}

interface FoundPattern {
  readonly plan: PlanSchema;
  readonly pointer: string;
  readonly pattern: string;
  readonly parsed: ParsedPattern;
}

/** Every pattern of a plan, each distinct pattern parsed once; shared by the four pattern rules. */
const patternsByModel = new WeakMap<PlanModel, FoundPattern[]>();

function patterns(model: PlanModel): FoundPattern[] {
  const cached = patternsByModel.get(model);
  if (cached) return cached;
  const parsedBySource = new Map<string, ParsedPattern>();
  const found: FoundPattern[] = [];
  for (const plan of allSchemas(model)) {
    walkSchema(plan.schema, (node, pointer) => {
      if (typeof node.pattern !== 'string') return;
      const parsed = parsedBySource.get(node.pattern) ?? parsePattern(node.pattern);
      parsedBySource.set(node.pattern, parsed);
      found.push({ plan, pointer, pattern: node.pattern, parsed });
    });
  }
  patternsByModel.set(model, found);
  return found;
}

function typeName(schema: JSONSchema7Definition): string | undefined {
  if (typeof schema !== 'object') return undefined;
  const types = typeSet(schema);
  if (types === undefined) return undefined;
  const withoutNull = new Set([...types].filter((type) => type !== 'null'));
  if (withoutNull.size === 0) return undefined;
  const name = describeTypes(withoutNull);
  return schema.format !== undefined && name === 'string' ? `string (${schema.format})` : name;
}

function hasCombinator(schema: JSONSchema7): boolean {
  return schema.anyOf !== undefined || schema.oneOf !== undefined || schema.allOf !== undefined || schema.$ref !== undefined;
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** A schema with its documentation removed: versions that differ only in wording validate the same. */
function withoutDocs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDocs);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !['description', 'title', 'examples', '$comment'].includes(key))
      .map(([key, value]) => [key, key === 'properties' || key === 'definitions' || key === '$defs' ? mapValues(value, withoutDocs) : withoutDocs(value)]),
  );
}

function mapValues(value: unknown, map: (child: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, map(child)]));
}
