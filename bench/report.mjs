// Renders one benchmark run as bench/RESULTS.md: the targets first, then the
// machine and versions, then one section per benchmark, then how it was
// measured. A benchmark that failed or was skipped leaves its section out and
// its target "not measured"; run.mjs says why in the notes.
//
//   node report.mjs .work/results.json   prints the report of a saved run again
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TARGETS = { codegenSpeedup: 20, perCallRatio: 3, addedGzipBytes: 2048, marginalGrowth: 1.5 };

export function renderReport(run) {
  const lines = [
    '# plangen vs Segment Typewriter: benchmark results',
    '',
    `Written by \`pnpm bench\` (bench/run.mjs) on ${run.date}${run.quick ? ' in --quick mode (fewer runs; not for publishing)' : ''}. Do not edit by hand: rerun it.`,
    '',
    ...targetsSection(run),
    ...machineSection(run),
    ...plansSection(run),
    ...codegenSection(run),
    ...scalingSection(run),
    ...profileSection(run.profile),
    ...perCallSection(run.perCall),
    ...bundleSection(run.bundle),
    ...typecheckSection(run.typecheck),
    ...(run.formatProbe ? ['## Date-time properties at run time', '', run.formatProbe, ''] : []),
    ...(run.validateFragment ? ['## Checking recorded events: `plangen validate`', '', run.validateFragment.trim(), ''] : []),
    ...(run.sections ?? []).flatMap((section) => [section, '']),
    '## How it was measured',
    '',
    ...run.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.filter((line, index, all) => !(line === '' && all[index - 1] === '')).join('\n');
}

function targetsSection(run) {
  const at500 = measured(run.codegen).find((row) => row.plan === 'synthetic-500' && row.mode === 'development');
  const callOf = (name) => run.perCall?.results.find((result) => result.name === name);
  const direct = callOf('direct');
  const plangenCall = callOf('plangen (development)');
  const validatorCall = callOf('plangen validator + direct');
  const appOf = (name) => run.bundle?.find((app) => app.name === name);
  const bare = appOf('bare-track');
  const added = (name) => (appOf(name) && bare ? appOf(name).gzipBytes - bare.gzipBytes : undefined);
  const [development, production, validatorOnly] = ['plangen-development', 'plangen-production', 'plangen-validator'].map(added);
  const threadOf = (name) => run.profile?.threads?.find((thread) => thread.thread === name);
  const [main, worker] = [threadOf('main thread'), threadOf('validator worker thread')];
  const plangenGrowth = growth(scalingRows(run).filter((row) => row.tool === 'plangen'));
  const rows = [
    target(
      `codegen at 500 events: plangen at least ${TARGETS.codegenSpeedup}x faster than \`typewriter build\``,
      at500 &&
        `${ratio(at500.typewriter.wallMs / at500.plangen.wallMs)} faster in wall time (${ms(at500.plangen.wallMs)} vs ${ms(at500.typewriter.wallMs)}); ` +
          `${ratio(at500.typewriter.cpuMs / at500.plangen.cpuMs)} in CPU time (${ms(at500.plangen.cpuMs)} vs ${ms(at500.typewriter.cpuMs)})` +
          (worker && main
            ? `. The target leaves ${ms(at500.typewriter.wallMs / TARGETS.codegenSpeedup)}; under the profiler (below) the validator compilation ` +
              `alone (ajv standalone, worker thread) is busy ${ms(worker.busyMs)}, and the plan, types and formatting (main thread) ${ms(main.busyMs)}`
            : ''),
      at500 && at500.typewriter.wallMs / at500.plangen.wallMs >= TARGETS.codegenSpeedup,
    ),
    target(
      `per call: validated plangen wrapper within ${TARGETS.perCallRatio}x of a direct \`analytics.track()\``,
      plangenCall && direct &&
        `${ratio(plangenCall.nsPerOpMedian / direct.nsPerOpMedian)} (${ns(plangenCall.nsPerOpMedian)} vs ${ns(direct.nsPerOpMedian)})` +
          (validatorCall
            ? `. The event's validator followed by the direct call, with no wrapper, is already ${ratio(validatorCall.nsPerOpMedian / direct.nsPerOpMedian)} ` +
              `(${ns(validatorCall.nsPerOpMedian)})`
            : ''),
      plangenCall && direct && plangenCall.nsPerOpMedian / direct.nsPerOpMedian <= TARGETS.perCallRatio,
    ),
    target(
      'bundle: one plangen wrapper adds at most 2 KB gzip',
      development !== undefined && production !== undefined &&
        `production build: +${bytes(production)}; development build (validator included): +${bytes(development)}` +
          (validatorOnly !== undefined ? `, of which the event's validator alone is +${bytes(validatorOnly)}` : ''),
      development !== undefined && production !== undefined && `production: ${yes(production <= TARGETS.addedGzipBytes)}; development: ${yes(development <= TARGETS.addedGzipBytes)}`,
    ),
    target(
      `scaling: plangen codegen CPU time grows linearly (cost per added event from 500 to 2,000 at most ${TARGETS.marginalGrowth}x that from 100 to 500)`,
      plangenGrowth && ratio(plangenGrowth),
      plangenGrowth && plangenGrowth <= TARGETS.marginalGrowth,
    ),
  ];
  return ['## Targets', '', table(['target', 'measured', 'met'], rows), ''];
}

function machineSection(run) {
  const rows = [
    ['CPU', `${run.machine.cpu}, ${run.machine.cores} cores`],
    ['memory', `${run.machine.memoryGiB} GiB`],
    ['OS', run.machine.os],
    ['Node.js', run.machine.node],
    ['1-minute load average during the run', `${run.load.min.toFixed(2)} to ${run.load.max.toFixed(2)} (the benchmark's own processes count too: plangen generate runs two threads; compare ratios, not absolute times)`],
    ...Object.entries(run.versions),
  ];
  return ['## Machine and versions', '', table(['', ''], rows), ''];
}

function plansSection(run) {
  return [
    '## Plans',
    '',
    'Both tools read the very same `plan.json` (Segment Public API format). The synthetic plans come from `bench/synthetic-plan.mjs` ' +
      '(seeded, byte-identical on every run): 18 to 22 properties per event (enums, patterns, strings, numbers, integers, booleans, ' +
      'date-times, nullable types, string arrays, arrays of objects, nested objects) and two or three versions on about one event in ten.',
    '',
    table(
      ['plan', 'events', 'rules (event versions)', 'plan.json'],
      run.plans.map((plan) => [plan.label, String(plan.events), String(plan.rules), bytes(plan.bytes)]),
    ),
    '',
  ];
}

function codegenSection(run) {
  const rows = run.codegen.map((row) => {
    const label = [planLabel(run.plans, row.plan), row.mode];
    if (row.error) return [...label, '', `failed: ${row.error}`, '', '', '', '', '', '', ''];
    return [
      ...label,
      row.typewriter.runs === row.plangen.runs ? String(row.plangen.runs) : `${row.typewriter.runs} / ${row.plangen.runs}`,
      ms(row.typewriter.wallMs),
      ms(row.plangen.wallMs),
      ratio(row.typewriter.wallMs / row.plangen.wallMs),
      ms(row.typewriter.cpuMs),
      ms(row.plangen.cpuMs),
      ratio(row.typewriter.cpuMs / row.plangen.cpuMs),
      mib(row.typewriter.maxRssKb),
      mib(row.plangen.maxRssKb),
    ];
  });
  return [
    '## Codegen: wall time and peak memory',
    '',
    `Each tool runs as a child process from a cold start (\`node\` + CLI + generation + writing files); the two take turns, never run at once. ` +
      `Medians of the runs shown. CPU time is user + system of the process (${run.memorySource}); it counts only the tool's own work, ` +
      'so it stays comparable when other work slows the machine down, which wall time does not. Peak memory is the peak RSS. ' +
      'Typewriter runs `typewriter build` (development mode, which inlines the JSON Schemas); plangen runs ' +
      '`plangen generate --client analytics-next` (development mode, which precompiles the validators).',
    '',
    table(
      ['plan', 'mode', 'runs', 'Typewriter wall', 'plangen wall', 'plangen faster (wall)', 'Typewriter CPU', 'plangen CPU', 'plangen faster (CPU)', 'Typewriter peak RSS', 'plangen peak RSS'],
      rows,
    ),
    '',
  ];
}

function scalingSection(run) {
  const scaling = scalingRows(run);
  if (scaling.length === 0) return [];
  const verdicts = ['plangen', 'typewriter'].flatMap((tool) => {
    const value = growth(scaling.filter((row) => row.tool === tool));
    if (value === undefined) return [];
    const verdict = value <= TARGETS.marginalGrowth ? 'linear' : 'worse than linear';
    return [`- ${tool}: cost per added event from 500 to 2,000 is ${ratio(value)} that from 100 to 500 (${verdict}).`];
  });
  return [
    '## Scaling: codegen time and output size from 100 to 2,000 events',
    '',
    'Cost per added event is the slope of CPU time between two plan sizes, so the fixed start-up cost drops out: ' +
      'a linear generator keeps it about constant, a worse one makes it climb.',
    '',
    table(
      ['tool', 'events', 'wall time', 'CPU time', 'CPU ms per added event', 'output', 'output per event'],
      scaling.map((row) => [
        row.tool,
        String(row.events),
        ms(row.wallMs),
        ms(row.cpuMs),
        row.marginalMs === undefined ? '' : row.marginalMs.toFixed(2),
        bytes(row.outputBytes),
        bytes(row.outputBytes / row.events),
      ]),
    ),
    '',
    ...verdicts,
    '',
  ];
}

/** Self CPU time of one profiled `plangen generate` on the 500-event plan, by thread and origin. */
function profileSection(profile) {
  if (!profile?.threads?.length) return [];
  const sections = profile.threads.flatMap((thread) => {
    const share = (value) => `${((value / thread.busyMs) * 100).toFixed(1)}%`;
    const shown = thread.origins.slice(0, 10);
    const rest = thread.origins.slice(10).reduce((sum, entry) => sum + entry.ms, 0);
    const rows = [...shown.map((entry) => [entry.origin, ms(entry.ms), share(entry.ms)]), ...(rest > 0 ? [['everything else', ms(rest), share(rest)]] : [])];
    return [`${thread.thread}: busy ${ms(thread.busyMs)} of its ${ms(thread.spanMs)}`, '', table(['origin', 'self time', 'share'], rows), ''];
  });
  return [
    "## Where plangen's codegen time goes",
    '',
    'One `plangen generate` (development) of the 500-event plan under the V8 CPU profiler, self time summed by dependency, plangen folder, ' +
      'or garbage collection, for each thread: the validators compile on a worker thread while the main thread loads the plan, ' +
      'emits the types and formats them. Profiling slows the run down; the shares are what count.',
    '',
    ...sections,
  ];
}

function perCallSection(perCall) {
  if (!perCall) return [];
  const direct = perCall.results.find((result) => result.name === 'direct');
  const others = perCall.results.filter((result) => result !== direct);
  return [
    '## Per call: one track call, no-op client',
    '',
    `Event \`${perCall.event}\` of the 500-event plan with the same valid properties for every contender, ` +
      'all in one Node.js process (tinybench; each sample times a batch of calls long enough for the timer, and reports the mean of the batch). ' +
      'Before timing, each contender is checked: the valid call reaches the client with the properties unchanged, and dropping a required ' +
      'property is reported as a violation when the contender validates.',
    '',
    table(
      ['contender', 'median per call', '± (rme)', 'vs direct', 'validates', 'context it adds', 'samples x calls'],
      perCall.results.map((result) => [
        result.name,
        ns(result.nsPerOpMedian),
        `${result.rmePercent.toFixed(1)}%`,
        direct ? ratio(result.nsPerOpMedian / direct.nsPerOpMedian) : '',
        result.validates ? 'yes' : 'no',
        result.contextSent ? `\`${JSON.stringify(result.contextSent)}\`` : '',
        `${result.samples} x ${result.callsPerSample}`,
      ]),
    ),
    '',
    ...(direct
      ? [
          "Added time per call over the direct call (the no-op client makes the direct call nearly free, so this is each wrapper's own cost): " +
            others.map((result) => `${result.name} +${ns(result.nsPerOpMedian - direct.nsPerOpMedian)}`).join('; ') +
            '.',
          '',
        ]
      : []),
  ];
}

function bundleSection(bundle) {
  if (!bundle) return [];
  const bare = bundle.find((app) => app.name === 'bare-track');
  const tools = bundle.filter((app) => app !== bare);
  return [
    '## Bundle size: one wrapper from the 500-event SDK in a browser app',
    '',
    'Each app calls one event once; esbuild bundles it (bundle, minify, tree-shaking, ESM, browser, es2020); gzip level 9. ' +
      'The bare app calls `window.analytics.track()` itself, so "added" is what each tool puts into a real bundle. ' +
      'The analytics client itself is the snippet (window.analytics) in every app, so it is in none of the bundles.',
    '',
    table(
      ['app', 'min', 'gzip', 'added over the bare call (gzip)'],
      bundle.map((app) => [app.label, bytes(app.minBytes), bytes(app.gzipBytes), bare && app !== bare ? `+${bytes(app.gzipBytes - bare.gzipBytes)}` : '']),
    ),
    '',
    'Where the minified bytes come from (esbuild metafile):',
    '',
    ...tools.map((app) => `- ${app.label}: ${app.parts.map((part) => `${part.name} ${bytes(part.bytes)}`).join(', ')}`),
    '',
  ];
}

function typecheckSection(typecheck) {
  if (!typecheck) return [];
  return [
    '## App type-check: what the SDK costs every `tsc` run',
    '',
    'An app calls one wrapper of the 500-event SDK with the event\'s properties; `tsc --noEmit` (strict, bundler resolution, ' +
      'skipLibCheck) checks it in a cold process. Medians of the runs shown; tsc\'s own start-up is in every row. ' +
      'The analytics client\'s types are the same stub for every app, so only the SDK\'s files differ. Typewriter types enum ' +
      'properties as TypeScript enums, which plain string values cannot satisfy, so its apps pass the same properties `as never`.',
    '',
    table(
      ['SDK', 'SDK files tsc reads', 'tsc wall', 'tsc CPU', 'runs'],
      typecheck.map((row) => [row.name, bytes(row.sdkBytes), ms(row.wallMs), ms(row.cpuMs), String(row.runs)]),
    ),
    '',
  ];
}

/** Codegen rows that were measured (not failed). */
function measured(codegen) {
  return codegen.filter((row) => !row.error);
}

/** Rows of the scaling table: the synthetic plans in development mode, smallest first, with the slope to the previous size. */
function scalingRows(run) {
  const rows = [];
  const synthetic = measured(run.codegen).filter((row) => row.mode === 'development' && row.plan.startsWith('synthetic-'));
  for (const tool of ['plangen', 'typewriter']) {
    let previous;
    for (const row of synthetic) {
      const events = run.plans.find((plan) => plan.name === row.plan).events;
      const current = { tool, events, wallMs: row[tool].wallMs, cpuMs: row[tool].cpuMs, outputBytes: row[tool].output.bytes };
      if (previous) current.marginalMs = (current.cpuMs - previous.cpuMs) / (events - previous.events);
      rows.push(current);
      previous = current;
    }
  }
  return rows;
}

/** Ratio of the last slope to the one before it, when there are two. */
function growth(rows) {
  const slopes = rows.map((row) => row.marginalMs).filter((slope) => slope !== undefined);
  if (slopes.length < 2) return undefined;
  return slopes[slopes.length - 1] / slopes[slopes.length - 2];
}

/** `met`: a boolean, or a text that says it per case. */
function target(name, measuredText, met) {
  if (!measuredText) return [name, 'not measured', '—'];
  return [name, measuredText, typeof met === 'string' ? met : yes(met)];
}

function yes(met) {
  return met ? 'yes' : 'no';
}

function table(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function planLabel(plans, name) {
  return plans.find((plan) => plan.name === name)?.label ?? name;
}

export function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

function ns(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} ms`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(2)} µs`;
  return `${value.toFixed(1)} ns`;
}

function ratio(value) {
  return `${value >= 100 ? Math.round(value) : value.toFixed(value >= 10 ? 1 : 2)}x`;
}

function mib(kib) {
  return `${(kib / 1024).toFixed(0)} MiB`;
}

function bytes(value) {
  if (Math.abs(value) >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MiB`;
  if (Math.abs(value) >= 1024) return `${(value / 1024).toFixed(2)} KB`;
  return `${Math.round(value)} B`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(renderReport(JSON.parse(readFileSync(process.argv[2] ?? '.work/results.json', 'utf8'))));
}
