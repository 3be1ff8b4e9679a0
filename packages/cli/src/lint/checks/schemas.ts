// Rules about schemas across events and versions: one type per property name,
// events with no properties, versions that change nothing.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { sameJson } from '../../schema/canonical-json.js';
import { escapePointerToken as pointerSegment } from '../../schema/json-pointer.js';
import { describeTypes, typeSet } from '../../schema/type-set.js';
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { propertySchemas, versionLabel, type PlanSchema } from '../../model/plan-schemas.js';

/**
 * Compares the top-level properties of each event's latest version (older
 * versions may differ on purpose: that is what versions are for). Null is left
 * out: being nullable in one event is not a different type.
 */
export function inconsistentPropertyType({ model }: LintContext): RuleFinding[] {
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

/** The latest version is the one apps send; an older empty version is history. */
export function emptyEvent({ model }: LintContext): RuleFinding[] {
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

export function unchangedVersion({ model }: LintContext): RuleFinding[] {
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
