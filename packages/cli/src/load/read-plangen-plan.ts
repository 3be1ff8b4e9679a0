// The native plangen format -> plan entries. The plan schema has already
// checked the shape; this adds the checks a schema cannot express and converts
// the property notation to JSON Schema.
import type { CallEntry, Labels, PlanEntries, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { withoutAnyType } from '../schema/any-type.js';
import { errorAt } from '../model/located-error.js';
import { toPointer } from './locate.js';
import { objectSchema } from './native-schema.js';
import { eventsOf, type LabelMap, type NativeBody, type NativeEvent, type NativePageCall, type NativePlan, type NativeTraitsCall } from './plangen-format.js';
import { propertiesOfPayload } from './payload-schema.js';
import { quote } from '../messages/quote.js';

export function readPlangenPlan(plan: NativePlan, file: string): PlanEntries {
  const allowExtra = plan.additionalProperties ?? false;
  const ref = (...segments: (string | number)[]): SourceRef => ({ file, pointer: toPointer(segments) });
  const events: VersionEntry[] = [];
  for (const { name, key, event } of eventsOf(plan)) {
    if (name.trim() === '') throw errorAt(ref('events', key), 'an event has an empty name', 'Write the event name exactly as the track call sends it');
    events.push(...readEvent(name, key, event, allowExtra, ref));
  }
  return {
    name: plan.name,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    file,
    format: 'plangen',
    events,
    ...(plan.identify && { identify: readTraits(plan.identify, allowExtra, ref('identify')) }),
    ...(plan.group && { group: readTraits(plan.group, allowExtra, ref('group')) }),
    ...(plan.page && { page: readPage(plan.page, allowExtra, ref('page')) }),
    ...(plan.screen && { screen: readPage(plan.screen, allowExtra, ref('screen')) }),
    ...(plan.common && { common: { schema: withoutAnyType(plan.common), source: ref('common') } }),
  };
}

function readEvent(name: string, key: string, event: NativeEvent, inherited: boolean, ref: (...s: (string | number)[]) => SourceRef): VersionEntry[] {
  const eventSource = ref('events', key);
  const eventExtra = event.additionalProperties ?? inherited;
  const shared = {
    event: name,
    ...(event.description !== undefined ? { eventDescription: event.description } : {}),
    eventLabels: labels(event.labels),
    eventSource,
  };
  if (event.versions === undefined) {
    return [{ ...shared, version: 1, labels: {}, ...body(versionBody(event), eventExtra, eventSource, `event ${quote(name)}`), source: eventSource }];
  }
  const bodyKey = (['properties', 'schema', 'payload'] as const).find((field) => event[field] !== undefined);
  if (bodyKey !== undefined) {
    throw errorAt(
      ref('events', key, bodyKey),
      `event ${quote(name)} has both "versions" and "${bodyKey}"`,
      `Move "${bodyKey}" into a version, or remove "versions" for a single-version event`,
    );
  }
  const seen = new Set<number>();
  return event.versions.map((version, index) => {
    const source = ref('events', key, 'versions', index);
    if (seen.has(version.version)) {
      throw errorAt(
        ref('events', key, 'versions', index, 'version'),
        `event ${quote(name)} has version ${version.version} twice`,
        'Give each version its own number, or merge the two',
        'value',
      );
    }
    seen.add(version.version);

    return {
      ...shared,
      version: version.version,
      ...(version.description !== undefined ? { description: version.description } : {}),
      labels: labels(version.labels),
      ...body(versionBody(version), version.additionalProperties ?? eventExtra, source, `event ${quote(name)} v${version.version}`),
      source,
    };
  });
}

interface Body {
  readonly fields: NativeBody['properties'];
  /** What the simple notation is called here: `properties`, or `traits` for identify and group. */
  readonly fieldsKey: 'properties' | 'traits';
  readonly schema: JsonSchema | undefined;
  readonly payload: JsonSchema | undefined;
}

/** The properties (or traits) schema and the payload schema of one version or call: from `properties`/`traits`, `schema` or `payload`. */
function body({ fields, fieldsKey, schema, payload }: Body, allowExtra: boolean, source: SourceRef, what: string): { properties: JsonSchema; payload?: JsonSchema } {
  if (fields !== undefined && schema !== undefined) {
    throw errorAt(
      { file: source.file, pointer: `${source.pointer}/schema` },
      `${what} has both "${fieldsKey}" and "schema"`,
      `Keep one: "${fieldsKey}" for the simple notation, "schema" for a raw JSON Schema`,
    );
  }
  const properties =
    fields !== undefined
      ? objectSchema(fields, allowExtra)
      : (schema ?? (payload !== undefined ? propertiesOfPayload(payload, fieldsKey) : undefined) ?? objectSchema({}, allowExtra));
  return payload !== undefined ? { properties, payload } : { properties };
}

function versionBody(written: NativeBody): Body {
  return { fields: written.properties, fieldsKey: 'properties', schema: rawSchema(written.schema), payload: rawSchema(written.payload) };
}

/** A raw JSON Schema as the model keeps it: Segment's "any" type, pasted from an export, reads as no type. */
function rawSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  return schema === undefined ? undefined : withoutAnyType(schema);
}

function readTraits(call: NativeTraitsCall, inherited: boolean, source: SourceRef): CallEntry {
  const written: Body = { fields: call.traits, fieldsKey: 'traits', schema: rawSchema(call.schema), payload: rawSchema(call.payload) };
  const { properties, payload } = body(written, call.additionalProperties ?? inherited, source, source.pointer.slice(1));
  return entry(call.description, properties, payload, source);
}

function readPage(call: NativePageCall, inherited: boolean, source: SourceRef): CallEntry {
  const { properties, payload } = body(versionBody(call), call.additionalProperties ?? inherited, source, source.pointer.slice(1));
  return entry(call.description, properties, payload, source);
}

function entry(description: string | undefined, schema: JsonSchema, payload: JsonSchema | undefined, source: SourceRef): CallEntry {
  return { ...(description !== undefined ? { description } : {}), schema, ...(payload !== undefined ? { payload } : {}), source };
}

function labels(written: LabelMap | undefined): Labels {
  return Object.fromEntries(Object.entries(written ?? {}).map(([key, value]) => [key, String(value)]));
}
