// Which validators an SDK is made of, each named by the model's identifiers. A
// model decision, so generate (which compiles them into validators.ts) and
// validate (which checks payloads with the same validators) read one list.
import { payloadValidatorName } from './names.js';
import type { JsonSchema, PlanModel } from './types.js';

export interface ValidatorEntry {
  /** The export name: `validateOrderCompletedV1`. */
  readonly name: string;
  readonly schema: JsonSchema;
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
