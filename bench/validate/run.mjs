// Throughput of `plangen validate` beside bare JSON.parse, in one process.
// Writes a seeded 1M-event JSON Lines file (about 5% with violations) to the OS
// temp folder, times reading + JSON.parse of every line, then the validate
// module (the same code path as the CLI, with the plan's validators compiled
// once up front), and prints a markdown fragment to stdout. Needs `pnpm build`.
//
//   node bench/validate/run.mjs [--events N]
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const REPO = new URL('../../', import.meta.url);
const dist = (file) => import(new URL(`packages/cli/dist/${file}`, REPO).href);
const { loadPlan } = await dist('load/load-plan.js');
const { validatorEntries } = await dist('model/validator-entries.js');
const { loadValidators } = await dist('generate/validators/load-validators.js');
const { createPayloadChecker } = await dist('validate/check-payload.js');
const { validatePayloadFiles } = await dist('validate/validate-payloads.js');

const PLAN = new URL('fixtures/shop/plan.yaml', REPO).pathname;
const TEMPLATES = new URL('fixtures/shop/payloads.jsonl', REPO).pathname;
const eventsFlag = process.argv.indexOf('--events');
const EVENTS = eventsFlag === -1 ? 1_000_000 : Number(process.argv[eventsFlag + 1]);
const VIOLATION_SHARE = 0.05;
const RUNS = 3;

const { model } = await loadPlan(PLAN);
const compileStarted = performance.now();
const validators = loadValidators(validatorEntries(model));
const compileMs = performance.now() - compileStarted;

// The fixture's example payloads, sorted into valid and invalid by the validator itself.
const check = createPayloadChecker(model, validators);
const templates = { valid: [], invalid: [] };
for (const line of readFileSync(TEMPLATES, 'utf8').split('\n')) {
  let payload;
  try {
    payload = JSON.parse(line);
  } catch {
    continue;
  }
  const verdict = check(payload);
  if (verdict.kind !== 'checked') continue;
  templates[verdict.errors.length === 0 ? 'valid' : 'invalid'].push(payload);
}
if (templates.valid.length === 0 || templates.invalid.length === 0) {
  throw new Error(`${TEMPLATES} needs both valid and invalid payloads (found ${templates.valid.length} and ${templates.invalid.length})`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-bench-validate-'));
try {
  const file = path.join(dir, 'events.jsonl');
  const written = await writeEvents(file);

  const bare = [];
  const validate = [];
  let report;
  for (let run = 0; run < RUNS; run++) {
    bare.push(await timed(() => bareParse(file)));
    validate.push(
      await timed(async () => {
        report = await validatePayloadFiles(model, [file], { validators: () => validators });
        return report.totals.payloads;
      }),
    );
  }
  const best = (runs) => Math.max(...runs.map(({ count, ms }) => (count / ms) * 1000));
  const bareRate = best(bare);
  const validateRate = best(validate);
  const share = (report.totals.invalid / report.totals.payloads) * 100;
  const number = (value) => Math.round(value).toLocaleString('en-US');
  process.stdout.write(
    [
      '### plangen validate throughput',
      '',
      `${number(EVENTS)} payloads made from \`fixtures/shop/payloads.jsonl\` (seeded, ${share.toFixed(1)}% with violations, ` +
        `${(written / 1e6).toFixed(0)} MB of JSON Lines), best of ${RUNS} runs each in one process. ` +
        `Validators compiled once beforehand in ${number(compileMs)} ms.`,
      '',
      '| reader | events/s |',
      '| --- | ---: |',
      `| bare \`JSON.parse\` of every line | ${number(bareRate)} |`,
      `| \`plangen validate\` (validatePayloadFiles) | ${number(validateRate)} |`,
      `| ratio (target ≥ 0.5) | ${(validateRate / bareRate).toFixed(2)} |`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Seeded so every run measures the same bytes. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeEvents(file) {
  const next = random(20261125);
  const out = createWriteStream(file);
  const start = Date.parse('2026-11-01T00:00:00Z');
  let bytes = 0;
  let batch = [];
  for (let index = 0; index < EVENTS; index++) {
    const pool = next() < VIOLATION_SHARE ? templates.invalid : templates.valid;
    const template = pool[Math.floor(next() * pool.length)];
    const line = JSON.stringify({
      ...template,
      messageId: `msg-${index}`,
      timestamp: new Date(start + index * 1000).toISOString(),
    });
    bytes += line.length + 1;
    batch.push(line);
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.length > 0 ? `${batch.join('\n')}\n` : '');
  await once(out, 'finish');
  return bytes;
}

/** The baseline: the least any line reader must do, streamed the same way. */
async function bareParse(file) {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let count = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      if (newline > start) {
        JSON.parse(text.slice(start, newline));
        count++;
      }
      start = newline + 1;
    }
    carry = text.slice(start);
  }
  return count;
}

async function timed(work) {
  const started = performance.now();
  const count = await work();
  return { count, ms: performance.now() - started };
}
