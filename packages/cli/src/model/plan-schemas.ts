// The schemas of a plan that lint rules and generate's pattern refusal read, each
// with a label for messages and the source element it belongs to.
import type { EventModel, EventVersion, JsonSchema, PlanModel, SourceRef } from './types.js';

export interface PlanSchema {
  /** How messages name it: `event "Order Completed" v2`, `identify traits`. */
  readonly label: string;
  /** properties/traits: what the app passes; payload/common: the whole call. */
  readonly kind: 'properties' | 'traits' | 'payload' | 'common';
  readonly schema: JsonSchema;
  readonly source: SourceRef;
  readonly event?: EventModel;
  readonly version?: EventVersion;
}

/** The schemas of what the app passes: every event version's properties, identify/group traits, page/screen properties. */
export function propertySchemas(model: PlanModel): PlanSchema[] {
  const schemas: PlanSchema[] = [];
  for (const event of model.events) {
    for (const version of event.versions) {
      schemas.push({ label: versionLabel(event, version), kind: 'properties', schema: version.properties, source: version.source, event, version });
    }
  }
  for (const call of [model.identify, model.group]) {
    if (call) schemas.push({ label: `${call.kind} traits`, kind: 'traits', schema: call.traits, source: call.source });
  }
  for (const call of [model.page, model.screen]) {
    if (call) schemas.push({ label: `${call.kind} properties`, kind: 'properties', schema: call.properties, source: call.source });
  }
  return schemas;
}

/** Every schema in the plan, payload and common schemas included. */
export function allSchemas(model: PlanModel): PlanSchema[] {
  const schemas = propertySchemas(model);
  for (const event of model.events) {
    for (const version of event.versions) {
      if (version.payload) {
        schemas.push({ label: `${versionLabel(event, version)} payload`, kind: 'payload', schema: version.payload, source: version.source, event, version });
      }
    }
  }
  for (const call of [model.identify, model.group, model.page, model.screen]) {
    if (call?.payload) schemas.push({ label: `${call.kind} payload`, kind: 'payload', schema: call.payload, source: call.source });
  }
  if (model.common) schemas.push({ label: 'common schema', kind: 'common', schema: model.common.schema, source: model.common.source });
  return schemas;
}

export function versionLabel(event: EventModel, version: EventVersion): string {
  return `event ${JSON.stringify(event.name)} v${version.version}`;
}
