// The model as plain JSON for `plangen inspect --format json` and other tools:
// the model minus source positions, keys in a fixed order, with each wrapper's
// signature as generated for the chosen client.
import type { SdkSignatures } from './sdk-signatures.js';
import type { EventModel, PageModel, PlanModel, TraitsModel } from './types.js';

/** With `sdk`, the client and each function's `signature` as that client's SDK has it; without, the model alone. */
export function modelToJson(model: PlanModel, sdk?: SdkSignatures): Record<string, unknown> {
  const signature = (fn: string) => (sdk === undefined ? {} : { signature: sdk.signatures.get(fn) ?? fn });
  return {
    name: model.name,
    ...(model.description !== undefined ? { description: model.description } : {}),
    format: model.format,
    ...(sdk !== undefined ? { client: sdk.client } : {}),
    events: model.events.map((event) => eventToJson(event, signature)),
    ...(model.identify && { identify: callToJson(model.identify, signature) }),
    ...(model.group && { group: callToJson(model.group, signature) }),
    ...(model.page && { page: callToJson(model.page, signature) }),
    ...(model.screen && { screen: callToJson(model.screen, signature) }),
    ...(model.common && { common: { validator: model.common.validator, schema: model.common.schema } }),
  };
}

function eventToJson(event: EventModel, signature: (fn: string) => { signature?: string }): Record<string, unknown> {
  return {
    name: event.name,
    ...(event.description !== undefined ? { description: event.description } : {}),
    labels: event.labels,
    identifiers: event.identifiers,
    ...signature(event.identifiers.fn),
    versions: event.versions.map((version) => ({
      version: version.version,
      ...(version.description !== undefined ? { description: version.description } : {}),
      labels: version.labels,
      identifiers: version.identifiers,
      ...signature(version.identifiers.fn),
      properties: version.properties,
      ...(version.payload !== undefined ? { payload: version.payload } : {}),
    })),
  };
}

function callToJson(call: TraitsModel | PageModel, signature: (fn: string) => { signature?: string }): Record<string, unknown> {
  const schema = 'traits' in call ? { traits: call.traits } : { properties: call.properties };
  return {
    ...(call.description !== undefined ? { description: call.description } : {}),
    identifiers: call.identifiers,
    ...signature(call.identifiers.fn),
    ...schema,
    ...(call.payload !== undefined ? { payload: call.payload } : {}),
  };
}
