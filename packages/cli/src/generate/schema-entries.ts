// Which schemas the SDK is made of: the types it declares and the validators it
// precompiles, both named by the model's identifiers.
import type { JsonSchema, PlanModel } from '../model/types.js';
import type { TypeEntry } from './emit-types.js';
import { docLines } from './escape.js';
import type { ValidatorEntry } from './validators/compile-validators.js';

export type { ValidatorEntry } from './validators/compile-validators.js';

/** A whole-payload schema's validator is named after the properties validator: `validateOrderCompletedV2Payload`. */
export function payloadValidatorName(validator: string): string {
  return `${validator}Payload`;
}

export function validatorEntries(model: PlanModel): ValidatorEntry[] {
  const entries: ValidatorEntry[] = [];
  const add = (name: string, schema: JsonSchema, payload: JsonSchema | undefined): void => {
    entries.push({ name, schema });
    if (payload) entries.push({ name: payloadValidatorName(name), schema: payload });
  };
  for (const event of model.events) {
    for (const version of event.versions) add(version.identifiers.validator, version.properties, version.payload);
  }
  if (model.identify) add(model.identify.identifiers.validator, model.identify.traits, model.identify.payload);
  if (model.group) add(model.group.identifiers.validator, model.group.traits, model.group.payload);
  if (model.page) add(model.page.identifiers.validator, model.page.properties, model.page.payload);
  if (model.screen) add(model.screen.identifiers.validator, model.screen.properties, model.screen.payload);
  if (model.common) entries.push({ name: model.common.validator, schema: model.common.schema });
  return entries;
}

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
