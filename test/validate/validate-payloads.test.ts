import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import type { ValidationReport } from '../../packages/cli/src/validate/report.js';
import { validatePayloadFiles } from '../../packages/cli/src/validate/validate-payloads.js';
import { sdkValidators } from './sdk-validators.js';

const here = (name: string) => path.relative(process.cwd(), fileURLToPath(new URL(name, import.meta.url)));
const PLAN = here('cases/plan.yaml');
const PAYLOADS = here('cases/payloads.jsonl');

let model: PlanModel;
let validators: ReturnType<typeof sdkValidators>;
let report: ValidationReport;
let dir: string;
beforeAll(async () => {
  model = (await loadPlan(PLAN)).model;
  validators = sdkValidators(model);
  report = await validatePayloadFiles(model, [PAYLOADS], { validators });
  dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (line: number) => `${PAYLOADS}:${line}`;

describe('validatePayloadFiles on cases/payloads.jsonl (each line is commented in the expectations below)', () => {
  it('puts every payload in exactly one total', () => {
    expect(report.plan).toBe(PLAN);
    expect(report.inputs).toEqual([PAYLOADS]);
    // valid: lines 1-5, 8, 10, 13, 15 (screen: only the common schema), 16 (alias); line 18 is blank.
    expect(report.totals).toEqual({ payloads: 22, valid: 10, invalid: 6, unplannedEvents: 1, malformed: 5, versionFallbacks: 5 });
    expect(report.ungrouped).toBe(0);
  });

  it('falls back to the oldest version and says why: absent, 3.2, "2", unknown', () => {
    expect(report.versionFallbacks).toEqual([
      // lines 2 and 17; "Signed Up" has one version, so its missing event_version (line 8) is not a fallback worth reporting
      { event: 'Order Completed', version: 1, reason: 'missing', count: 2, example: { location: at(2) } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: at(3), given: 3.2 } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: at(4), given: '2' } },
      { event: 'Order Completed', version: 1, reason: 'unknown-version', count: 1, example: { location: at(5), given: 7 } },
    ]);
  });

  it('reports violations, unplanned properties at any depth, payload and common schema failures with the SDK messages', () => {
    const track = (version: number, event = 'Order Completed') => ({ type: 'track', event, version });
    expect(report.violations).toEqual([
      // line 17: no messageId, which the common schema requires
      { kind: 'violation', ...track(1), path: '/messageId', keyword: 'required', message: 'is required', count: 1, example: { location: at(17), pointer: '/messageId' } },
      // line 6, the v2 payload with everything wrong
      {
        kind: 'unplanned-property',
        ...track(2),
        path: '/properties/coupon',
        keyword: 'additionalProperties',
        message: 'is not allowed by the plan',
        count: 1,
        example: { location: at(6), pointer: '/properties/coupon', value: 'SAVE' },
      },
      {
        kind: 'violation',
        ...track(2),
        path: '/properties/order_id',
        keyword: 'pattern',
        message: 'must match pattern "^ord_"',
        count: 1,
        example: { location: at(6), pointer: '/properties/order_id', value: 'x1' },
      },
      {
        kind: 'violation',
        ...track(2),
        path: '/properties/products/*/price',
        keyword: 'type',
        message: 'must be number',
        count: 1,
        example: { location: at(6), pointer: '/properties/products/1/price', value: '2' },
      },
      {
        kind: 'unplanned-property',
        ...track(2),
        path: '/properties/products/*/sku',
        keyword: 'additionalProperties',
        message: 'is not allowed by the plan',
        count: 1,
        example: { location: at(6), pointer: '/properties/products/2/sku', value: 'a' },
      },
      {
        kind: 'violation',
        ...track(2),
        path: '/properties/total',
        keyword: 'type',
        message: 'must be number',
        count: 1,
        example: { location: at(6), pointer: '/properties/total', value: '12' },
      },
      // line 9: an enum, and the event's whole-payload schema (userId required)
      {
        kind: 'violation',
        ...track(1, 'Signed Up'),
        path: '/properties/method',
        keyword: 'enum',
        message: 'must be one of "email", "google"',
        count: 1,
        example: { location: at(9), pointer: '/properties/method', value: 'fax' },
      },
      { kind: 'violation', ...track(1, 'Signed Up'), path: '/userId', keyword: 'required', message: 'is required', count: 1, example: { location: at(9), pointer: '/userId' } },
      // line 12: group traits
      {
        kind: 'violation',
        type: 'group',
        path: '/traits/plan',
        keyword: 'enum',
        message: 'must be one of "free", "pro"',
        count: 1,
        example: { location: at(12), pointer: '/traits/plan', value: 'gold' },
      },
      // line 11: identify traits
      { kind: 'violation', type: 'identify', path: '/traits/email', keyword: 'required', message: 'is required', count: 1, example: { location: at(11), pointer: '/traits/email' } },
      {
        kind: 'unplanned-property',
        type: 'identify',
        path: '/traits/name',
        keyword: 'additionalProperties',
        message: 'is not allowed by the plan',
        count: 1,
        example: { location: at(11), pointer: '/traits/name', value: 'Ann' },
      },
      // line 14: page properties and the common schema
      { kind: 'violation', type: 'page', path: '/messageId', keyword: 'required', message: 'is required', count: 1, example: { location: at(14), pointer: '/messageId' } },
      { kind: 'violation', type: 'page', path: '/properties/path', keyword: 'required', message: 'is required', count: 1, example: { location: at(14), pointer: '/properties/path' } },
    ]);
  });

  it('reports unplanned events on their own', () => {
    expect(report.unplannedEvents).toEqual([{ event: 'Order Complete', count: 1, example: { location: at(7) } }]);
  });

  it('counts malformed lines with their line numbers and reasons', () => {
    let parseError = '';
    try {
      JSON.parse('this is not json');
    } catch (error) {
      parseError = (error as Error).message;
    }
    expect(report.malformed).toEqual([
      { reason: 'no "type"', count: 1, locations: [at(21)] },
      { reason: 'not a JSON object', count: 1, locations: [at(20)], detail: 'found an array' },
      { reason: 'not valid JSON', count: 1, locations: [at(19)], detail: parseError },
      { reason: 'track without "event"', count: 1, locations: [at(23)] },
      { reason: 'unknown "type"', count: 1, locations: [at(22)], detail: '"type": "bogus"' },
    ]);
  });
});

describe('every input shape gives the same verdicts', () => {
  /** The report without locations and input names, which differ between shapes by design. */
  function verdicts(result: ValidationReport) {
    return JSON.parse(JSON.stringify({ ...result, inputs: [] }).replace(/"(location|locations)":("[^"]*"|\[[^\]]*\])/g, '"$1":"-"')) as unknown;
  }

  async function jsonValues(): Promise<unknown[]> {
    const lines = (await readFile(PAYLOADS, 'utf8')).split('\n');
    return lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as unknown];
      } catch {
        return [];
      }
    });
  }

  it('a JSON array, streamed, located by element pointer', async () => {
    const values = await jsonValues();
    const file = path.join(dir, 'payloads.json');
    await writeFile(file, `[\n${values.map((value) => JSON.stringify(value)).join(',\n')}\n]\n`);
    const fromArray = await validatePayloadFiles(model, [file], { validators });
    const fromLines = await validatePayloadFiles(model, [await writeLines(values)], { validators });
    expect(verdicts(fromArray)).toEqual(verdicts(fromLines));
    expect(fromArray.totals.payloads).toBe(values.length);
    expect(fromArray.unplannedEvents).toEqual([{ event: 'Order Complete', count: 1, example: { location: `${file}#/6` } }]);
  });

  it('gzip and stdin', async () => {
    const text = await readFile(PAYLOADS);
    const file = path.join(dir, 'payloads.jsonl.gz');
    await writeFile(file, gzipSync(text));
    expect(verdicts(await validatePayloadFiles(model, [file], { validators }))).toEqual(verdicts(report));

    const stdin = new PassThrough();
    stdin.end(gzipSync(text));
    const piped = await validatePayloadFiles(model, ['-'], { stdin, validators });
    expect(piped.inputs).toEqual(['stdin']);
    expect(piped.unplannedEvents).toEqual([{ event: 'Order Complete', count: 1, example: { location: 'stdin:7' } }]);
    expect(verdicts(piped)).toEqual(verdicts(report));
  });

  it('several inputs add up into one report', async () => {
    const twice = await validatePayloadFiles(model, [PAYLOADS, PAYLOADS], { validators });
    expect(twice.totals).toEqual({ payloads: 44, valid: 20, invalid: 12, unplannedEvents: 2, malformed: 10, versionFallbacks: 10 });
    expect(twice.malformed[0]).toEqual({ reason: 'no "type"', count: 2, locations: [at(21), at(21)] });
  });

  it('a missing input fails before the validators are compiled (the handed-in thunk is never called)', async () => {
    let compiled = 0;
    const counting = () => {
      compiled++;
      return validators();
    };
    const missing = path.join(dir, 'missing.jsonl');
    await expect(validatePayloadFiles(model, [PAYLOADS, missing], { validators: counting })).rejects.toThrow(`${missing}: payload file not found. Check the path.`);
    expect(compiled).toBe(0);
    await validatePayloadFiles(model, [PAYLOADS], { validators: counting });
    expect(compiled).toBe(1);
  });

  async function writeLines(values: unknown[]): Promise<string> {
    const file = path.join(dir, 'values.jsonl');
    await writeFile(file, values.map((value) => JSON.stringify(value)).join('\n'));
    return file;
  }
});
