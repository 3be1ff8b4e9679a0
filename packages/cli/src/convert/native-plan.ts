// The model -> a native plangen plan (`export --to plangen`, and the document
// `import --from csv` writes). Schemas are written raw (`schema:`, `payload:`),
// exactly as the model holds them, so the written plan loads back to the same
// model; events keep the shape the native format gives their descriptions and
// labels (a single version as the event's body, or a `versions` list).
import type { JsonSchema, Labels, PlanModel, SourceRef } from '../model/types.js';

export interface NativeVersion {
  readonly version: number;
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly schema: JsonSchema;
  readonly payload?: JsonSchema;
}

/** Either a single version's body (`schema`, `payload`) or `versions`. */
export interface NativeEvent {
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly schema?: JsonSchema;
  readonly payload?: JsonSchema;
  readonly versions?: readonly NativeVersion[];
}

export interface NativeCall {
  readonly description?: string;
  readonly schema: JsonSchema;
  readonly payload?: JsonSchema;
}

export interface NativePlan {
  readonly name: string;
  readonly description?: string;
  /** A Map, so any wire name (even `__proto__`) stays a key. */
  readonly events: ReadonlyMap<string, NativeEvent>;
  readonly identify?: NativeCall;
  readonly group?: NativeCall;
  readonly page?: NativeCall;
  readonly screen?: NativeCall;
  readonly common?: JsonSchema;
}

export const CALL_KINDS = ['identify', 'group', 'page', 'screen'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** What a conversion cannot carry over; the command prints it located at `source`. */
export type ConvertWarning = (source: SourceRef, problem: string, fix: string) => void;

export function modelToNativePlan(model: PlanModel, warn: ConvertWarning): NativePlan {
  const events = new Map<string, NativeEvent>();
  for (const event of model.events) {
    const latest = event.versions.at(-1)!;
    const only = event.versions.length === 1 ? event.versions[0] : undefined;
    const labelsOf = (labels: Labels, source: SourceRef) => nativeLabels(labels, (problem) => warn(source, `event ${JSON.stringify(event.name)}: ${problem}`, 'Give the label one value, or keep the plan in a Segment format'));
    if (only !== undefined && only.version === 1 && only.description === undefined) {
      // The native single-version body (version 1): the description and labels are the event's.
      events.set(event.name, {
        ...(event.description !== undefined ? { description: event.description } : {}),
        ...optionalLabels(labelsOf(only.labels, only.source)),
        schema: only.properties,
        ...(only.payload !== undefined ? { payload: only.payload } : {}),
      });
      continue;
    }
    events.set(event.name, {
      // Written only when it is not the latest version's: the model reads the event's description from there otherwise.
      ...(event.description !== undefined && event.description !== latest.description ? { description: event.description } : {}),
      versions: event.versions.map((version) => ({
        version: version.version,
        ...(version.description !== undefined ? { description: version.description } : {}),
        ...optionalLabels(labelsOf(version.labels, version.source)),
        schema: version.properties,
        ...(version.payload !== undefined ? { payload: version.payload } : {}),
      })),
    });
  }
  const call = (kind: CallKind): NativeCall | undefined => {
    const found = model[kind];
    if (found === undefined) return undefined;
    const schema = 'traits' in found ? found.traits : found.properties;
    return { ...(found.description !== undefined ? { description: found.description } : {}), schema, ...(found.payload !== undefined ? { payload: found.payload } : {}) };
  };
  const calls = Object.fromEntries(CALL_KINDS.map((kind) => [kind, call(kind)] as const).filter(([, value]) => value !== undefined));
  return {
    name: model.name,
    ...(model.description !== undefined ? { description: model.description } : {}),
    events,
    ...calls,
    ...(model.common !== undefined ? { common: model.common.schema } : {}),
  };
}

/** The native format gives a label one value; a key Segment gives several keeps its first, with a warning. */
function nativeLabels(labels: Labels, warn: (problem: string) => void): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([key, value]) => {
      if (typeof value === 'string') return [key, value];
      if (value.length > 1) warn(`label ${JSON.stringify(key)} has several values (${value.join(', ')}); the native format keeps one, ${JSON.stringify(value[0])}`);
      return [key, value[0] ?? ''];
    }),
  );
}

function optionalLabels(labels: Record<string, string>): { labels?: Record<string, string> } {
  return Object.keys(labels).length > 0 ? { labels } : {};
}
