// The native plan as written (after the plan schema accepted it). See
// docs/plan-format.md and schema/plangen-plan.schema.json.
import type { JsonSchema } from '../model/types.js';

export const DATA_TYPES = ['any', 'array', 'boolean', 'date-time', 'integer', 'number', 'object', 'string'] as const;
export type DataType = (typeof DATA_TYPES)[number];

export type LabelMap = Record<string, string | number | boolean>;

export interface NativeProperty {
  type?: DataType | DataType[];
  nullable?: boolean;
  required?: boolean;
  description?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, NativeProperty>;
  items?: NativeProperty;
  additionalProperties?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** The keys of a property that are copied to its JSON Schema as they are. */
export const PASS_THROUGH_KEYS = ['description', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/** What one version (or a single-version event) writes about its properties. */
export interface NativeBody {
  description?: string;
  labels?: LabelMap;
  properties?: Record<string, NativeProperty>;
  schema?: JsonSchema;
  payload?: JsonSchema;
  additionalProperties?: boolean;
}

export interface NativeVersion extends NativeBody {
  version: number;
}

export interface NativeEvent extends NativeBody {
  versions?: NativeVersion[];
}

/** An entry of the list form of `events`: the event with its wire name. */
export interface NamedNativeEvent extends NativeEvent {
  name: string;
}

export interface NativeTraitsCall {
  description?: string;
  traits?: Record<string, NativeProperty>;
  schema?: JsonSchema;
  payload?: JsonSchema;
  additionalProperties?: boolean;
}

export type NativePageCall = Omit<NativeBody, 'labels'>;

export interface NativePlan {
  name: string;
  description?: string;
  additionalProperties?: boolean;
  /** Keyed by wire name, or a list of events that carry their `name`. */
  events?: Record<string, NativeEvent> | NamedNativeEvent[];
  identify?: NativeTraitsCall;
  group?: NativeTraitsCall;
  page?: NativePageCall;
  screen?: NativePageCall;
  common?: JsonSchema;
}

export interface EventAt {
  /** The wire name. */
  readonly name: string;
  /** The pointer segment under `events`: the name in the mapping form, the index in the list form. */
  readonly key: string;
  readonly event: NativeEvent;
}

export function eventsOf(plan: NativePlan): EventAt[] {
  const events = plan.events ?? {};
  if (Array.isArray(events)) return events.map(({ name, ...event }, index) => ({ name, key: String(index), event }));
  return Object.entries(events).map(([name, event]) => ({ name, key: name, event }));
}
