// Rules about names and descriptions: naming convention, collisions after
// normalization, missing descriptions.
import { pascalCase } from '../../model/names.js';
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { followsStyle, SEGMENT_SPEC_TRAITS, toStyle } from '../naming.js';
import { propertySchemas } from '../../model/plan-schemas.js';
import type { NamingStyle } from '../rule-ids.js';
import { namedProperties } from '../walk-schema.js';

export function namingConvention({ model, naming }: LintContext): RuleFinding[] {
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
export function nameCollision({ model }: LintContext): RuleFinding[] {
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

export function missingDescription({ model }: LintContext): RuleFinding[] {
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

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
