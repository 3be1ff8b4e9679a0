// The model for people (`plangen inspect`): what the plan defines and the names
// and signatures the generated SDK will have for the chosen client.
import { escapeLineSeparators } from '../line-breaks.js';
import type { SdkSignatures } from './sdk-signatures.js';
import { labelPairs } from './label-pairs.js';
import type { EventModel, JsonSchema, Labels, PageModel, PlanModel, TraitsModel } from './types.js';
import { countOf } from '../messages/plural.js';

const FORMAT_NAMES = {
  plangen: 'plangen format',
  'segment-public-api': 'Segment Public API format',
  'segment-config-api': 'Segment Config API format',
  'rudderstack-tracking-plan-api': 'RudderStack Tracking Plan API format',
  'rudderstack-data-catalog-api': 'RudderStack Data Catalog API format',
} as const;

/** With `sdk`, each function is shown with the parameters that client's SDK gives it; without, by name alone. */
export function modelToText(model: PlanModel, sdk?: SdkSignatures): string {
  const versions = model.events.reduce((sum, event) => sum + event.versions.length, 0);
  const calls = (['identify', 'group', 'page', 'screen', 'common'] as const).filter((key) => model[key] !== undefined);
  const lines = [
    `${model.name} (${FORMAT_NAMES[model.format]}, ${model.file})`,
    ...(model.description !== undefined ? [model.description] : []),
    `${countOf(model.events.length, 'event')}, ${countOf(versions, 'version')}${calls.length > 0 ? `; ${calls.join(', ')}` : ''}`,
    ...(sdk !== undefined ? [`Signatures of the ${sdk.client} SDK.`] : []),
  ];
  const signature = (fn: string) => sdk?.signatures.get(fn) ?? fn;
  for (const event of model.events) lines.push('', ...eventLines(event, signature));
  for (const call of [model.identify, model.group, model.page, model.screen]) if (call) lines.push('', ...callLines(call, signature));
  if (model.common) lines.push('', `common: every payload must match (${model.common.validator})`);
  // Plan text may hold U+2028/U+2029, which editors and log viewers show as line breaks: escaped, as the loader's messages do.
  return escapeLineSeparators(`${lines.join('\n')}\n`);
}

function eventLines(event: EventModel, signature: (fn: string) => string): string[] {
  const latest = event.versions.at(-1)!;
  return [
    `${JSON.stringify(event.name)}${labelText(event.labels)}`,
    ...(event.description !== undefined ? [`  ${event.description}`] : []),
    `  ${signature(event.identifiers.fn)} sends v${latest.version}`,
    ...event.versions.map(
      (version) =>
        `  v${version.version}: ${signature(version.identifiers.fn)}, ${schemaCounts(version.properties, 'property', 'properties')}` +
        `${version.payload ? ', payload schema' : ''}, ${version.identifiers.validator}`,
    ),
  ];
}

function callLines(call: TraitsModel | PageModel, signature: (fn: string) => string): string[] {
  const counts = 'traits' in call ? schemaCounts(call.traits, 'trait', 'traits') : schemaCounts(call.properties, 'property', 'properties');
  return [
    `${call.kind}: ${signature(call.identifiers.fn)}, ${counts}${call.payload ? ', payload schema' : ''}, ${call.identifiers.validator}`,
    ...(call.description !== undefined ? [`  ${call.description}`] : []),
  ];
}

function schemaCounts(schema: JsonSchema, one: string, many: string): string {
  const names = Object.keys(schema.properties ?? {});
  const required = (schema.required ?? []).length;
  return `${names.length === 1 ? `1 ${one}` : `${names.length} ${many}`} (${required} required)`;
}

function labelText(labels: Labels): string {
  const entries = labelPairs(labels);
  return entries.length === 0 ? '' : `  [${entries.map(([key, value]) => (value === '' ? key : `${key}:${value}`)).join(', ')}]`;
}
