// `pnpm bench`: builds plangen, writes the plans, runs every benchmark
// (codegen, scaling, a profile of plangen's codegen, per call, bundle size, and
// bench/validate/run.mjs when it exists) and rewrites bench/RESULTS.md.
//
//   node run.mjs           the full run (about 10 minutes on 2 cores)
//   node run.mjs --quick   one run of each, small plans only; writes .work/RESULTS.quick.md
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBundleSize } from './bundle-size.mjs';
import { benchCodegen } from './codegen.mjs';
import { buildPlangen } from './lib/build-plangen.mjs';
import { machine, versions } from './lib/machine.mjs';
import { memorySource } from './lib/measure.mjs';
import { REPO } from './lib/tools.mjs';
import { benchPerCall } from './per-call.mjs';
import { profileCodegen } from './profile-codegen.mjs';
import { benchTypecheck } from './typecheck.mjs';
import { ms, renderReport } from './report.mjs';
import { SECTIONS } from './sections.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const WORK = join(BENCH, '.work');
const REFERENCE_PLAN = join(REPO, 'fixtures/typewriter-public-api-reference-plan/plan.json'); // a copy of ../shared/compat/typewriter/public-api-reference-plan.json
const quick = process.argv.includes('--quick');
const log = (line) => process.stderr.write(`${line}\n`);

const SIZES = quick ? [100, 500] : [100, 500, 2000];
// Both tools need minutes for 2,000 events on 2 cores, so that size gets one run of each.
const ONE_RUN = { typewriter: 1, plangen: 1 };
const runsFor = (events) => (quick || events >= 2000 ? ONE_RUN : { typewriter: 3, plangen: 3 });

const started = performance.now();
// The machine is shared: sample its load so the report says how busy it was.
const loadSamples = [loadavg()[0]];
const loadTimer = setInterval(() => loadSamples.push(loadavg()[0]), 5000).unref();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const notes = [];

log('building @plangen/core and plangen into .work/plangen');
const plangen = await buildPlangen(join(WORK, 'plangen'));
notes.push(...plangen.warnings);

log('writing plans');
const { plans, samples } = writePlans();

log('codegen');
const codegen = [];
for (const plan of plans) codegen.push(await codegenRow(plan, 'development', runsFor(plan.events)));
const plan500 = plans.find((plan) => plan.name === 'synthetic-500');
// Production builds feed the per-call and bundle benchmarks; one run each is enough for their table row.
const production500 = await codegenRow(plan500, 'production', ONE_RUN);
codegen.push(production500);
const development500 = codegen.find((row) => row.plan === 'synthetic-500' && row.mode === 'development');

const profile = await attempt('profiling plangen generate on synthetic-500', () =>
  profileCodegen({ workDir: WORK, plangenBin: plangen.bin, planFile: plan500.file }),
);
// The per-call and bundle benchmarks use the 500-event SDKs of both tools in both modes.
const sdksMissing = [development500, production500].find((row) => row.error);
if (sdksMissing) notes.push(`The per-call and bundle-size benchmarks were skipped: codegen of the 500-event plan (${sdksMissing.mode}) failed.`);

const { event, probeEvent, note: eventNote } = pickEvents(plan500.plan);
notes.push(eventNote);
const names = {
  plangen: (key) => `track${key.split(/[^A-Za-z0-9]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`,
  // Typewriter names functions with quicktype's camelCase of the event name.
  typewriter: (key) => names.plangen(key).replace(/^track(.)/, (_, first) => first.toLowerCase()),
};
const sdks = sdksMissing ? {} : {
  'plangen (development)': { kind: 'plangen', entry: join(development500.plangen.dir, 'index.ts') },
  'plangen (production)': { kind: 'plangen', entry: join(production500.plangen.dir, 'index.ts') },
  'typewriter (development)': { kind: 'typewriter', entry: join(development500.typewriter.dir, 'segment.ts') },
  'typewriter (production)': { kind: 'typewriter', entry: join(production500.typewriter.dir, 'segment.ts') },
};
const fnOf = (name, key) => names[sdks[name].kind](key);
// The per-call event has one version, so its validator is the V1 one.
const validatorOf = (key) => `${names.plangen(key).replace(/^track/, 'validate')}V1`;
const validatorEntry = sdksMissing ? undefined : join(development500.plangen.dir, 'validators.ts');

const perCall = await attempt(`per call: ${event.key}`, () => benchPerCall({
  workDir: WORK,
  coreEntry: plangen.coreEntry,
  event: event.key,
  payload: samples[500][event.key],
  requiredProperty: event.required[0],
  timeMs: quick ? 300 : 2000,
  contenders: [
    { name: 'direct', kind: 'direct' },
    { name: 'plangen validator + direct', kind: 'validator', entry: validatorEntry, fn: validatorOf(event.key) },
    ...Object.entries(sdks).map(([name, sdk]) => ({ name, ...sdk, fn: fnOf(name, event.key) })),
  ],
  probe: {
    event: probeEvent.key,
    payload: samples[500][probeEvent.key],
    fns: Object.fromEntries(Object.keys(sdks).map((name) => [name, fnOf(name, probeEvent.key)])),
  },
}), { skip: sdksMissing });

const payloadSource = JSON.stringify(samples[500][event.key]);
const bundle = await attempt('bundle size', () => benchBundleSize({
  workDir: WORK,
  coreEntry: plangen.coreEntry,
  apps: [
    { name: 'bare-track', label: 'bare `window.analytics.track()`', setup: '', call: `window.analytics.track(${JSON.stringify(event.key)}, ${payloadSource});` },
    {
      name: 'plangen-validator',
      label: `plangen's validator alone: \`${validatorOf(event.key)}()\`, then \`window.analytics.track()\``,
      imports: { from: validatorEntry, names: [validatorOf(event.key)] },
      setup: `const properties = ${payloadSource};`,
      call: `if (${validatorOf(event.key)}(properties)) window.analytics.track(${JSON.stringify(event.key)}, properties);`,
    },
    ...Object.entries(sdks).map(([name, sdk]) => {
      const fn = fnOf(name, event.key);
      const configure = sdk.kind === 'plangen' ? 'configure' : 'setTypewriterOptions';
      return {
        name: name.replace(/[ ()]+/g, '-').replace(/-$/, ''),
        label: `${name}: \`${fn}()\``,
        imports: { from: sdk.entry, names: [configure, fn] },
        setup: `${configure}({ analytics: window.analytics });`,
        call: `${fn}(${payloadSource});`,
      };
    }),
  ],
}), { skip: sdksMissing });

const typecheck = await attempt('app type-check', () => {
  // The same SDK as JavaScript with declarations, the other output plangen offers.
  const jsSdk = join(WORK, 'typecheck', 'plangen-js-sdk');
  execFileSync(process.execPath, [plangen.bin, 'generate', '--plan', plan500.file, '--out', jsSdk, '--client', 'analytics-next', '--language', 'js'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const plangenApp = (name, dir, entry) => ({ name, dir, entry, imports: ['configure', fnOf('plangen (development)', event.key)], configure: 'configure({ analytics: { track: () => undefined } });' });
  const typewriterApp = (name) => ({
    name,
    dir: sdks[name].entry.replace(/\/segment\.ts$/, ''),
    entry: 'segment',
    imports: ['setTypewriterOptions', fnOf(name, event.key)],
    configure: 'setTypewriterOptions({ analytics: {} });',
    // Typewriter types enum properties as TypeScript enums (quicktype), which string values cannot satisfy.
    cast: true,
  });
  return benchTypecheck({
    workDir: WORK,
    coreTypes: plangen.coreTypes,
    payload: samples[500][event.key],
    netLog: join(WORK, 'network-attempts.log'),
    sdks: [
      plangenApp('plangen (development)', development500.plangen.dir, 'index.js'),
      plangenApp('plangen (development, --language js)', jsSdk, 'index.js'),
      plangenApp('plangen (production)', production500.plangen.dir, 'index.js'),
      typewriterApp('typewriter (development)'),
      typewriterApp('typewriter (production)'),
    ],
  });
}, { skip: sdksMissing });

log('validator benchmark (bench/validate/run.mjs)');
const validateFragment = runValidateBenchmark(notes);

const sections = [];
for (const section of SECTIONS) {
  const markdown = await attempt(section.title, async () => (await section.load()).run({
    workDir: join(WORK, 'sections'), plangenBin: plangen.bin, coreEntry: plangen.coreEntry, quick, plans, log,
  }));
  if (markdown) sections.push(markdown.trim());
}

notes.push(...methodNotes());
clearInterval(loadTimer);
loadSamples.push(loadavg()[0]);
const run = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  quick,
  machine: machine(),
  versions: versions(),
  memorySource,
  load: { min: Math.min(...loadSamples), max: Math.max(...loadSamples) },
  plans: plans.map(({ plan: _plan, ...rest }) => rest),
  codegen,
  profile,
  perCall,
  bundle,
  typecheck,
  formatProbe: probeSummary(perCall?.probes, probeEvent.key),
  validateFragment,
  sections,
  notes,
};
const target = quick ? join(WORK, 'RESULTS.quick.md') : join(BENCH, 'RESULTS.md');
writeFileSync(target, renderReport(run));
// Everything the report was rendered from: `node report.mjs .work/results.json` renders it again.
writeFileSync(join(WORK, 'results.json'), JSON.stringify(run, null, 2));
log(`wrote ${target} in ${ms(performance.now() - started)}`);

/** Codegen of one plan by both tools; a failure becomes a row that says why, so the other plans still run. */
async function codegenRow(plan, mode, runs) {
  try {
    return await benchCodegen({ workDir: WORK, plangenBin: plangen.bin, plan, mode, runs, log });
  } catch (error) {
    const reason = error.summary ?? String(error.message).split('\n')[0];
    log(`  failed: ${reason}`);
    notes.push(`Codegen of the ${plan.label} plan (${mode}) failed: ${reason}`);
    return { plan: plan.name, mode, error: reason };
  }
}

/** Runs one benchmark; a failure becomes a note and an absent section instead of ending the run. */
async function attempt(title, benchmark, { skip } = {}) {
  if (skip) return undefined;
  log(title);
  try {
    return await benchmark();
  } catch (error) {
    const reason = error.summary ?? String(error.message).split('\n')[0];
    log(`  failed: ${reason}`);
    notes.push(`${title} failed: ${reason}`);
    return undefined;
  }
}

function writePlans() {
  const dir = join(WORK, 'plans');
  mkdirSync(dir, { recursive: true });
  const reference = join(dir, 'reference.json');
  copyFileSync(REFERENCE_PLAN, reference);
  const plans = [describePlan('reference', 'Typewriter reference (public-api-reference-plan.json)', reference)];
  const samples = {};
  for (const size of SIZES) {
    const file = join(dir, `synthetic-${size}.json`);
    samples[size] = writeSyntheticPlan(size, file).samples;
    plans.push(describePlan(`synthetic-${size}`, `synthetic ${size.toLocaleString('en')}`, file));
  }
  return { plans, samples };
}

function describePlan(name, label, file) {
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  const events = new Set(plan.rules.filter((rule) => rule.type === 'TRACK').map((rule) => rule.key)).size;
  return { name, label, file, events, rules: plan.rules.length, bytes: statSync(file).size, plan };
}

/**
 * The per-call event: the first single-version event whose schema has no
 * `format` (Typewriter's development output throws on formats, see the probe).
 * The probe event: the first single-version event with a date-time property.
 */
function pickEvents(plan) {
  const versions = new Map();
  for (const rule of plan.rules) versions.set(rule.key, (versions.get(rule.key) ?? 0) + 1);
  const single = plan.rules.filter((rule) => versions.get(rule.key) === 1);
  const describe = (rule) => ({ key: rule.key, required: rule.jsonSchema.properties.properties.required });
  const event = single.find((rule) => !JSON.stringify(rule.jsonSchema).includes('"format"'));
  const probe = single.find((rule) => JSON.stringify(rule.jsonSchema).includes('"format":"date-time"'));
  const withFormats = [...versions.keys()].filter((key) =>
    JSON.stringify(plan.rules.findLast((rule) => rule.key === key).jsonSchema).includes('"format"'),
  ).length;
  const note =
    `The per-call and bundle event is the first single-version event of the 500-event plan without a \`format\` keyword ` +
    `(\`${event.key}\`); ${withFormats} of its ${versions.size} events have one, and Typewriter's development output cannot call those (see the probe above).`;
  return { event: describe(event), probeEvent: describe(probe), note };
}

function probeSummary(probes, key) {
  const rows = Object.entries(probes ?? {}).map(([name, outcome]) => `- ${name}: ${outcome}`);
  if (rows.length === 0) return undefined;
  return [`One valid call of \`${key}\` (500-event plan), whose properties include \`format: date-time\` strings:`, '', ...rows].join('\n');
}

function runValidateBenchmark(notes) {
  const script = join(BENCH, 'validate/run.mjs');
  if (!existsSync(script)) {
    notes.push('bench/validate/run.mjs (validator throughput) was not present, so its section is missing.');
    return undefined;
  }
  try {
    return execFileSync(process.execPath, [script], { cwd: BENCH, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    notes.push(`bench/validate/run.mjs failed (${String(error.message).split('\n')[0]}), so its section is missing.`);
    return undefined;
  }
}

function methodNotes() {
  const requests = existsSync(join(WORK, 'network-attempts.log'))
    ? readFileSync(join(WORK, 'network-attempts.log'), 'utf8').trim().split('\n').filter(Boolean)
    : [];
  const counted = new Map();
  for (const request of requests) counted.set(request, (counted.get(request) ?? 0) + 1);
  const attemptText = counted.size === 0
    ? 'none were attempted'
    : [...counted].map(([target, count]) => `\`${target}\` x${count}`).join(', ');
  return [
    'Typewriter runs offline: each folder has the plan as `plan.json` and a `typewriter.yml` whose tracking plan `id` is the plan\'s own; ' +
      'there is no token (HOME is an empty temporary folder, stdin is /dev/null), and every run was checked to print ' +
      '"No API token found ... Using local copy of tracking plans instead."',
    'Every tool runs with `bench/lib/block-network.cjs` preloaded: name look-ups and connections for anything but localhost are refused, ' +
      'and fetch() to other hosts gets an empty 200 answer locally, so Typewriter\'s telemetry retries cannot inflate its times. ' +
      `Requests stopped during this run: ${attemptText} (api.segment.io is where Typewriter sends its telemetry).`,
    'Typewriter generates only the latest version of each event (its `sanitizeTrackingPlan` drops older rules); plangen generates one wrapper ' +
      'per version plus the latest-version alias, so its output covers every rule of the plan.',
    'Typewriter\'s development output validates each call by constructing `new Ajv()` and compiling the event\'s schema inside the call; ' +
      'plangen\'s validators are compiled once, at generation time.',
    'The codegen numbers include Node.js start-up for both tools; peak memory is the process\'s maximum resident set size.',
  ];
}
