// The model for people (`plangen inspect`): what the plan defines and the names
// the generated SDK will have.
import type { EventModel, JsonSchema, PageModel, PlanModel, TraitsModel } from './types.js';

const FORMAT_NAMES = {
  plangen: 'plangen format',
  'segment-public-api': 'Segment Public API format',
  'segment-config-api': 'Segment Config API format',
  'rudderstack-tracking-plan-api': 'RudderStack Tracking Plan API format',
  'rudderstack-data-catalog-api': 'RudderStack Data Catalog API format',
} as const;

export function modelToText(model: PlanModel): string {
  const versions = model.events.reduce((sum, event) => sum + event.versions.length, 0);
  const calls = (['identify', 'group', 'page', 'screen', 'common'] as const).filter((key) => model[key] !== undefined);
  const lines = [
    `${model.name} (${FORMAT_NAMES[model.format]}, ${model.file})`,
    ...(model.description !== undefined ? [model.description] : []),
    `${count(model.events.length, 'event')}, ${count(versions, 'version')}${calls.length > 0 ? `; ${calls.join(', ')}` : ''}`,
  ];
  for (const event of model.events) lines.push('', ...eventLines(event));
  for (const call of [model.identify, model.group, model.page, model.screen]) if (call) lines.push('', ...callLines(call));
  if (model.common) lines.push('', `common: every payload must match (${model.common.validator})`);
  // Plan text may hold U+2028/U+2029, which editors and log viewers show as line breaks: escaped, as the loader's messages do.
  return `${lines.join('\n')}\n`.replace(/[\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16)}`);
}

function eventLines(event: EventModel): string[] {
  const latest = event.versions.at(-1)!;
  return [
    `${JSON.stringify(event.name)}${labelText(event.labels)}`,
    ...(event.description !== undefined ? [`  ${event.description}`] : []),
    `  ${event.identifiers.fn}(properties: ${event.identifiers.type}) sends v${latest.version}`,
    ...event.versions.map(
      (version) =>
        `  v${version.version}: ${version.identifiers.fn}(properties: ${version.identifiers.type}), ${schemaCounts(version.properties, 'property', 'properties')}` +
        `${version.payload ? ', payload schema' : ''}, ${version.identifiers.validator}`,
    ),
  ];
}

function callLines(call: TraitsModel | PageModel): string[] {
  const traits = 'traits' in call;
  const counts = traits ? schemaCounts(call.traits, 'trait', 'traits') : schemaCounts(call.properties, 'property', 'properties');
  return [
    `${call.kind}: ${call.identifiers.fn}(${traits ? 'traits' : 'properties'}: ${call.identifiers.type}), ${counts}${call.payload ? ', payload schema' : ''}, ${call.identifiers.validator}`,
    ...(call.description !== undefined ? [`  ${call.description}`] : []),
  ];
}

function schemaCounts(schema: JsonSchema, one: string, many: string): string {
  const names = Object.keys(schema.properties ?? {});
  const required = (schema.required ?? []).length;
  return `${names.length === 1 ? `1 ${one}` : `${names.length} ${many}`} (${required} required)`;
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `  [${entries.map(([key, value]) => (value === '' ? key : `${key}:${value}`)).join(', ')}]`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
