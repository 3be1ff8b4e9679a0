// Everything wrong with a native plan that can be found before building the
// model: its shape (the published plan schema), permitted-value regexes in the
// property notation, and the raw JSON Schemas it embeds.
import { regexProblem } from '../schema/regex-problem.js';
import { checkJsonSchemas, type RawSchemaAt } from './check-json-schemas.js';
import { checkShape } from './check-shape.js';
import { plangenPlan } from './precompiled/plan-checks.js';
import { describePath } from './describe-path.js';
import { errorAt } from '../model/located-error.js';
import { parsePointer, toPointer } from './locate.js';
import { eventsOf, type NativePlan, type NativeProperty } from './plangen-format.js';
import type { SourceDocument } from './source-document.js';

export function checkPlangenPlan(source: SourceDocument): NativePlan {
  checkShape(source, plangenPlan);
  const plan = source.data as NativePlan;
  for (const [segments, properties] of propertyMaps(plan)) checkPatterns(source, segments, properties);
  checkJsonSchemas(source, rawSchemas(plan), { requiredMustBeListed: true, anyDraft: false });
  return plan;
}

type Segments = readonly (string | number)[];

/** Every property map the plan writes in the simple notation, with its location. */
function* propertyMaps(plan: NativePlan): Generator<[Segments, Record<string, NativeProperty>]> {
  for (const { key, event } of eventsOf(plan)) {
    if (event.properties) yield [['events', key, 'properties'], event.properties];
    for (const [index, version] of (event.versions ?? []).entries()) {
      if (version.properties) yield [['events', key, 'versions', index, 'properties'], version.properties];
    }
  }
  if (plan.identify?.traits) yield [['identify', 'traits'], plan.identify.traits];
  if (plan.group?.traits) yield [['group', 'traits'], plan.group.traits];
  if (plan.page?.properties) yield [['page', 'properties'], plan.page.properties];
  if (plan.screen?.properties) yield [['screen', 'properties'], plan.screen.properties];
}

function checkPatterns(source: SourceDocument, segments: Segments, properties: Record<string, NativeProperty>): void {
  for (const [name, property] of Object.entries(properties)) checkPattern(source, [...segments, name], property);
}

function checkPattern(source: SourceDocument, at: Segments, property: NativeProperty): void {
  const problem = property.pattern === undefined ? undefined : regexProblem(property.pattern);
  if (problem !== undefined) {
    const owner = describePath(parsePointer(toPointer(at)), source.data);
    throw errorAt(
      { file: source.file, pointer: toPointer([...at, 'pattern']) },
      `invalid permitted-values regex ${JSON.stringify(property.pattern)} for ${owner}: ${problem}`,
      'Fix the regular expression (JavaScript syntax, u flag), e.g. fall|winter|spring',
      'value',
    );
  }
  if (property.properties) checkPatterns(source, [...at, 'properties'], property.properties);
  if (property.items) checkPattern(source, [...at, 'items'], property.items);
}

function rawSchemas(plan: NativePlan): RawSchemaAt[] {
  const found: RawSchemaAt[] = [];
  const add = (schema: unknown, ...segments: Segments) => {
    if (schema !== undefined) found.push({ pointer: toPointer(segments), schema });
  };
  for (const { key, event } of eventsOf(plan)) {
    add(event.schema, 'events', key, 'schema');
    add(event.payload, 'events', key, 'payload');
    for (const [index, version] of (event.versions ?? []).entries()) {
      add(version.schema, 'events', key, 'versions', index, 'schema');
      add(version.payload, 'events', key, 'versions', index, 'payload');
    }
  }
  for (const call of ['identify', 'group', 'page', 'screen'] as const) {
    add(plan[call]?.schema, call, 'schema');
    add(plan[call]?.payload, call, 'payload');
  }
  add(plan.common, 'common');
  return found;
}
