// The model as plain JSON for `plangen inspect --format json` and other tools:
// the model minus source positions, keys in a fixed order.
import type { EventModel, PageModel, PlanModel, TraitsModel } from './types.js';

export function modelToJson(model: PlanModel): Record<string, unknown> {
  return {
    name: model.name,
    ...(model.description !== undefined ? { description: model.description } : {}),
    format: model.format,
    events: model.events.map(eventToJson),
    ...(model.identify && { identify: callToJson(model.identify) }),
    ...(model.group && { group: callToJson(model.group) }),
    ...(model.page && { page: callToJson(model.page) }),
    ...(model.screen && { screen: callToJson(model.screen) }),
    ...(model.common && { common: { validator: model.common.validator, schema: model.common.schema } }),
  };
}

function eventToJson(event: EventModel): Record<string, unknown> {
  return {
    name: event.name,
    ...(event.description !== undefined ? { description: event.description } : {}),
    labels: event.labels,
    identifiers: event.identifiers,
    versions: event.versions.map((version) => ({
      version: version.version,
      ...(version.description !== undefined ? { description: version.description } : {}),
      labels: version.labels,
      identifiers: version.identifiers,
      properties: version.properties,
      ...(version.payload !== undefined ? { payload: version.payload } : {}),
    })),
  };
}

function callToJson(call: TraitsModel | PageModel): Record<string, unknown> {
  const schema = 'traits' in call ? { traits: call.traits } : { properties: call.properties };
  return {
    ...(call.description !== undefined ? { description: call.description } : {}),
    identifiers: call.identifiers,
    ...schema,
    ...(call.payload !== undefined ? { payload: call.payload } : {}),
  };
}
