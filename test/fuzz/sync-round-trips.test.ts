// Random native plans with hostile names and text (random-plan.ts) through the
// conversions of issue 17: CSV export then import, and native YAML export, give
// the same model; Segment rules give the same schemas (the diff finds at most
// description and payload notes, which a rule cannot hold as the native format does).
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelToNativePlan } from '../../packages/cli/src/convert/native-plan.js';
import { modelToRules } from '../../packages/cli/src/convert/model-to-rules.js';
import { planToRows } from '../../packages/cli/src/convert/plan-to-rows.js';
import { nativePlanYaml } from '../../packages/cli/src/convert/plan-yaml.js';
import { readCsv } from '../../packages/cli/src/convert/read-csv.js';
import { rowsToPlan } from '../../packages/cli/src/convert/rows-to-plan.js';
import { writeCsv } from '../../packages/cli/src/convert/write-csv.js';
import { diffPlans } from '../../packages/cli/src/diff/diff-plans.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { modelToJson } from '../../packages/cli/src/model/model-json.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { planFileText } from '../../packages/cli/src/segment-api/plan-file.js';
import { planObject, planText } from './random-plan.js';
import { fuzzParameters } from './runs.js';

// csv-parse and csv-stringify are dependencies of the CLI package, so they resolve from there.
const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const { parse } = requireFromCli('csv-parse/sync') as { parse(text: string, options: object): unknown };
const { stringify } = requireFromCli('csv-stringify/sync') as { stringify(records: string[][], options: object): string };
const separator = (delimiter: ',' | ';' | 'tab') => (delimiter === 'tab' ? '\t' : delimiter);

/** The random plan's model, or undefined when the loader refuses it (a plan the generator made invalid). */
function load(text: string, file: string): PlanModel | undefined {
  try {
    return loadPlanText(text, file, { onWarning: () => {} }).model;
  } catch (error) {
    if (error instanceof PlanError) return undefined;
    throw error;
  }
}

const json = (model: PlanModel) => {
  const { format: _format, ...rest } = modelToJson(model);
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
};

/** The model as a spreadsheet keeps it: an empty plan, event, version or call description reads back as none (export warns). */
function withoutEmptyDescriptions(model: Record<string, unknown>): Record<string, unknown> {
  const drop = (node: unknown) => {
    if (typeof node === 'object' && node !== null && (node as { description?: unknown }).description === '') delete (node as { description?: unknown }).description;
  };
  drop(model);
  for (const event of model.events as { description?: string; versions: { description?: string }[] }[]) {
    event.versions.forEach(drop);
    // Read back without its own, an event's description is its latest version's (model/build-model.ts).
    if (event.description === '') {
      const latest = event.versions.at(-1)?.description;
      if (latest !== undefined) event.description = latest;
      else delete event.description;
    }
  }
  for (const kind of ['identify', 'group', 'page', 'screen']) drop(model[kind]);
  return model;
}

describe('conversions keep random plans', () => {
  it('CSV export then import, with each separator, gives the same model', () => {
    let checked = 0;
    fc.assert(
      fc.property(planObject(false), fc.constantFrom(',' as const, ';' as const, 'tab' as const), fc.boolean(), (object, delimiter, crlf) => {
        const { text, file } = planText(object, 'yaml');
        const model = load(text, file);
        if (model === undefined) return;
        checked += 1;
        const native = modelToNativePlan(model, () => {});
        let csv = writeCsv(planToRows(native), delimiter);
        // As Excel writes it: a BOM and CRLF record ends (line breaks inside cells stay as they are).
        if (crlf) csv = `\uFEFF${stringify(parse(csv, { delimiter: separator(delimiter), relax_column_count: true }) as string[][], { delimiter: separator(delimiter), record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;
        const back = rowsToPlan(readCsv(csv, 'plan.csv', delimiter), 'plan.csv', 'plan', () => {});
        const reloaded = loadPlanText(nativePlanYaml(back, 'round trip'), 'back.yaml', { onWarning: () => {} }).model;
        expect(json(reloaded)).toEqual(withoutEmptyDescriptions(json(model)));
      }),
      fuzzParameters(60),
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('CSV separators are detected from the header row', () => {
    fc.assert(
      fc.property(planObject(false), fc.constantFrom(',' as const, ';' as const, 'tab' as const), (object, delimiter) => {
        const { text, file } = planText(object, 'yaml');
        const model = load(text, file);
        if (model === undefined) return;
        const csv = writeCsv(planToRows(modelToNativePlan(model, () => {})), delimiter);
        const back = rowsToPlan(readCsv(csv, 'plan.csv'), 'plan.csv', 'plan', () => {});
        expect(json(loadPlanText(nativePlanYaml(back, 'x'), 'back.yaml', { onWarning: () => {} }).model)).toEqual(withoutEmptyDescriptions(json(model)));
      }),
      fuzzParameters(30),
    );
  });

  it('native YAML export gives the same model', () => {
    fc.assert(
      fc.property(planObject(false), (object) => {
        const { text, file } = planText(object, 'json');
        const model = load(text, file);
        if (model === undefined) return;
        const yaml = nativePlanYaml(modelToNativePlan(model, () => {}), 'x');
        expect(json(loadPlanText(yaml, 'back.yaml', { onWarning: () => {} }).model)).toEqual(json(model));
      }),
      fuzzParameters(60),
    );
  });

  it('Segment rules keep every schema: the diff holds only description and payload notes, none breaking', () => {
    fc.assert(
      fc.property(planObject(false), (object) => {
        const { text, file } = planText(object, 'yaml');
        const model = load(text, file);
        if (model === undefined) return;
        const pushed = loadPlanText(planFileText({ name: model.name }, modelToRules(model)), 'rules.json', { format: 'segment-public-api', onWarning: () => {} }).model;
        const { changes } = diffPlans(model, pushed);
        for (const change of changes) {
          expect(change.classification, change.message).toBe('compatible');
          expect(change.message).toMatch(/^description changed$|^description (added|removed|changed)|^payload|property "properties"|^page|^screen/);
        }
      }),
      fuzzParameters(40),
    );
  });
});
