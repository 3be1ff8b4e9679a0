// Hand-built plan models for diff tests, with identifiers named the way the model names them.
import type { EventModel, JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';

const pascal = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** An object schema; `required` lists the required names. */
export function object(properties: Record<string, JsonSchema | boolean>, required: string[] = [], extra: JsonSchema = {}): JsonSchema {
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...extra };
}

export function event(name: string, versions: JsonSchema[], options: { description?: string; first?: number } = {}): EventModel {
  const first = options.first ?? 1;
  const base = pascal(name);
  const built = versions.map((properties, index) => {
    const version = first + index;
    return {
      version,
      labels: {},
      properties,
      identifiers: { fn: `track${base}V${version}`, type: `${base}V${version}Properties`, validator: `validate${base}V${version}` },
      source: { file: 'built-in-test.yaml', pointer: `/events/${name}/versions/${index}` },
    };
  });
  const latest = built.at(-1)!;
  return {
    name,
    ...(options.description !== undefined ? { description: options.description } : {}),
    labels: {},
    versions: built,
    identifiers: { fn: `track${base}`, type: `${base}Properties`, validator: latest.identifiers.validator },
    source: { file: 'built-in-test.yaml', pointer: `/events/${name}` },
  };
}

export function plan(events: EventModel[], extra: Partial<PlanModel> = {}): PlanModel {
  return { name: 'Test', file: 'built-in-test.yaml', format: 'plangen', events: [...events].sort((a, b) => (a.name < b.name ? -1 : 1)), ...extra };
}

export function identify(traits: JsonSchema): NonNullable<PlanModel['identify']> {
  return {
    kind: 'identify',
    traits,
    identifiers: { fn: 'identify', type: 'IdentifyTraits', validator: 'validateIdentifyTraits' },
    source: { file: 'built-in-test.yaml', pointer: '/identify' },
  };
}
