// The types the SDK declares, one per properties or traits schema, named by the
// model's identifiers (the validators it precompiles are model/validator-entries.ts's).
import type { PlanModel } from '../model/types.js';
import type { TypeEntry } from './emit-types.js';
import { docLines } from './escape.js';

export function typeEntries(model: PlanModel): TypeEntry[] {
  const entries: TypeEntry[] = [];
  for (const event of model.events) {
    for (const version of event.versions) {
      entries.push({
        name: version.identifiers.type,
        schema: version.properties,
        doc: docLines(`Properties of "${event.name}" version ${version.version}.`),
      });
    }
  }
  for (const traits of [model.identify, model.group]) {
    if (traits) entries.push({ name: traits.identifiers.type, schema: traits.traits, doc: docLines(`Traits of ${traits.kind} calls.`) });
  }
  for (const page of [model.page, model.screen]) {
    if (page) entries.push({ name: page.identifiers.type, schema: page.properties, doc: docLines(`Properties of ${page.kind} calls.`) });
  }
  return entries;
}
