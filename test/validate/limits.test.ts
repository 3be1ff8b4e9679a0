// `plangen validate` never loses its report, whatever the payloads hold (issue 13, "validate never
// loses its report"): kept values are bounded previews, lines over the limit are malformed entries
// read without ever being built whole, and memory stays flat. Sizes are small enough to keep the
// tests fast and large enough to show the bound.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { formatText } from '../../packages/cli/src/validate/format-text.js';
import { PREVIEW_DEPTH, PREVIEW_TEXT, previewValue } from '../../packages/cli/src/validate/preview-value.js';
import { DEFAULT_MAX_LINE_LENGTH, readPayloads } from '../../packages/cli/src/validate/read-payloads.js';
import { validatePayloadFiles } from '../../packages/cli/src/validate/validate-payloads.js';
import { sdkValidators } from './sdk-validators.js';

const PLAN = path.relative(process.cwd(), fileURLToPath(new URL('cases/plan.yaml', import.meta.url)));

let model: PlanModel;
let validators: ReturnType<typeof sdkValidators>;
beforeAll(async () => {
  model = (await loadPlan(PLAN)).model;
  validators = sdkValidators(model);
});

/** Validates what `lines()` yields, streamed as stdin (never held whole). */
function validateStream(lines: () => Iterable<string | Buffer>, options: { maxLineLength?: number } = {}) {
  const stdin = Readable.from(lines(), { objectMode: false });
  return validatePayloadFiles(model, ['-'], { stdin, validators, ...options });
}

// Order Completed v1 (no event_version: the oldest) takes only order_id; every other property is unplanned.
const order = (properties: string) => `{"type":"track","event":"Order Completed","messageId":"m","properties":{"order_id":"o",${properties}}}\n`;

function depthOf(value: unknown): number {
  let depth = 0;
  for (let level: unknown = value; Array.isArray(level); level = level[0]) depth++;
  return depth;
}

describe('validate never loses its report', () => {
  it('an unplanned property holding an array nested 5,000 deep crashed the report with a stack overflow (text and JSON)', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const report = await validateStream(() => [order(`"nested":${deep}`)]);
    expect(report.totals).toMatchObject({ payloads: 1, invalid: 1 });
    const [group] = report.violations;
    expect(group).toMatchObject({ kind: 'unplanned-property', path: '/properties/nested' });
    expect(depthOf(group?.example.value)).toBe(PREVIEW_DEPTH);
    const json = JSON.stringify(report, null, 2);
    expect(json.length).toBeLessThan(2_000);
    expect(formatText(report)).toContain('value [[[[');
  });

  it('previews stop at a fixed depth, entry count and text length, and count what they leave out', () => {
    expect(previewValue({ list: Array.from({ length: 25 }, (_, index) => index), text: 'x'.repeat(1_000) })).toEqual({
      list: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, '… 15 more items'],
      text: `${'x'.repeat(PREVIEW_TEXT - 1)}…`,
    });
    expect(previewValue([[[[[1, 2]]]]])).toEqual([[[['[an array of 2 items]']]]]);
    expect(previewValue(JSON.parse('{"__proto__":{"a":1}}'))).toEqual(JSON.parse('{"__proto__":{"a":1}}'));
  });

  it('a line over the limit is one malformed entry (a gzip member inflating to one 600 MB line crashed with "Invalid string length")', async () => {
    const alias = '{"type":"alias","messageId":"m"}\n';
    const body = gzipSync(alias + order(`"blob":"${'x'.repeat(5_000)}"`) + alias);
    const report = await validateStream(() => [body], { maxLineLength: 1_000 });
    expect(report.totals).toEqual({ payloads: 3, valid: 2, invalid: 0, unplannedEvents: 0, malformed: 1, versionFallbacks: 0 });
    expect(report.malformed).toEqual([
      { reason: 'line too long', count: 1, locations: ['stdin:2'], detail: '5,098 characters, over the limit of 1,000; raise it with --max-line-length' },
    ]);
  });

  it('a 64 MiB line is counted, not built: memory stays flat and the next line is still read', async () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    const found: string[] = [];
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    async function* chunks() {
      for (let i = 0; i < 64; i++) {
        yield Buffer.from(megabyte);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      yield Buffer.from('\n{"type":"alias"}\n');
    }
    await readPayloads(chunks(), {
      begin: () => undefined,
      payload: (_value, position) => found.push(`payload ${position}`),
      unparsable: (position, detail) => found.push(`unparsable ${position} ${detail}`),
      tooLong: (position, length, limit) => found.push(`too long ${position} ${length} ${limit}`),
    });
    expect(found).toEqual([`too long 1 ${64 * 1024 * 1024} ${DEFAULT_MAX_LINE_LENGTH}`, 'payload 2']);
    // The line's text is never kept: well under the 64 MiB (128 MB as UTF-16) it would take.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('kept examples were whole payload values: distinct unplanned properties with 200 KB values keep 200-character previews', async () => {
    const value = 'v'.repeat(200 * 1024);
    const report = await validateStream(function* () {
      for (let i = 0; i < 200; i++) yield order(`"extra_${i}":"${value}"`);
    });
    expect(report.violations).toHaveLength(200);
    for (const group of report.violations) expect((group.example.value as string).length).toBe(PREVIEW_TEXT);
    expect(JSON.stringify(report).length).toBeLessThan(200 * 1_000);
  });

  it('names longer than 1,000 characters are kept as 1,000-character previews', async () => {
    const long = 'k'.repeat(50_000);
    const report = await validateStream(() => [order(`"${long}":1`), `{"type":"track","event":"${long}","messageId":"m"}\n`]);
    expect(report.violations[0]?.path).toBe(`/properties/${'k'.repeat(1_000 - '/properties/'.length - 1)}…`);
    expect(report.unplannedEvents[0]?.event).toHaveLength(1_000);
  });

  it('memory stays flat at scale: 2,000 distinct unplanned properties with 200 KB values (400 MB streamed)', async () => {
    const value = 'v'.repeat(200 * 1024);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const report = await validateStream(function* () {
      for (let i = 0; i < 2_000; i++) yield order(`"extra_${i}":"${value}"`);
    });
    global.gc?.();
    const kept = process.memoryUsage().heapUsed - before;
    expect(report.totals.invalid).toBe(2_000);
    expect(report.violations).toHaveLength(2_000);
    // Whole values would keep 2,000 x 200 KB = 400 MB (800 MB as UTF-16); previews keep ~1 MB.
    expect(kept).toBeLessThan(64 * 1024 * 1024);
    expect(JSON.stringify(report).length).toBeLessThan(2_000 * 1_000);
  }, 120_000);
});
