// Per-call benchmark, measurement: one process, one no-op analytics client,
// the same event and payload for every contender. Each contender is first
// checked (the call reaches the client with the payload; an invalid payload is
// reported as a violation when the contender validates), then timed with
// tinybench in batches long enough for the timer, so results are ns per call.
//
//   node per-call-worker.mjs config.json   prints a JSON report on stdout
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Bench } from 'tinybench';

const { modules, event, payload, requiredProperty, timeMs, probe } = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const received = [];
let recording = false;
const client = {
  track(name, properties, options, callback) {
    if (recording) received.push({ name, properties, options });
    // Keeps the arguments observable so the call cannot be optimized away.
    client.last = properties;
    if (typeof callback === 'function') callback();
  },
};
const violations = [];
const onViolation = (...args) => violations.push(args);

async function contenderCall(module) {
  if (module.kind === 'direct') return (properties) => client.track(event, properties);
  const sdk = await import(new URL(`file://${module.file}`).href);
  const fn = sdk[module.fn];
  if (typeof fn !== 'function') throw new Error(`${module.name}: ${module.fn} is not exported by ${module.file}`);
  // The least a validating wrapper can do: the event's precompiled validator, then the direct call.
  if (module.kind === 'validator') {
    return (properties) => {
      if (fn(properties)) client.track(event, properties);
      else onViolation(fn.errors);
    };
  }
  if (module.kind === 'plangen') sdk.configure({ analytics: client, onViolation });
  else sdk.setTypewriterOptions({ analytics: client, onViolation });
  return (properties) => fn(properties);
}

function check(module, call) {
  recording = true;
  received.length = 0;
  violations.length = 0;
  call(payload);
  const sent = received[0];
  if (received.length !== 1 || sent.name !== event || !isDeepStrictEqual(sent.properties, payload) || violations.length > 0) {
    throw new Error(`${module.name}: the valid call did not reach the client unchanged (sent ${JSON.stringify(received)}, violations ${violations.length})`);
  }
  // One required property removed: a validating contender must report it.
  const { [requiredProperty]: _dropped, ...invalid } = payload;
  violations.length = 0;
  try {
    call(invalid);
  } catch {
    // A contender may throw on violations; that counts as reporting it.
    violations.push('thrown');
  }
  recording = false;
  return { validates: violations.length > 0, contextSent: sent.options?.context ?? null };
}

/** Wraps `call` so one tinybench iteration runs it `k` times (about 1 ms) and records the mean. */
function batched(call) {
  // Warm the call up first: a batch size calibrated on cold code would be far too small.
  const warmUntil = performance.now() + 200;
  while (performance.now() < warmUntil) call(payload);
  // The fastest of a few 10 ms probes: a probe the scheduler pre-empted would
  // make calls look slow and the batches far too short.
  let fastestMs = Infinity;
  for (let probe = 0; probe < 5; probe += 1) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < 10) {
      // 16 calls per clock read, so reading the clock barely counts.
      for (let i = 0; i < 16; i += 1) call(payload);
      calls += 16;
      elapsed = performance.now() - started;
    }
    fastestMs = Math.min(fastestMs, elapsed / calls);
  }
  const k = Math.max(1, Math.round(1 / fastestMs));
  const iteration = () => {
    const started = performance.now();
    for (let i = 0; i < k; i += 1) call(payload);
    const elapsed = performance.now() - started;
    return { overriddenDuration: elapsed / k, overriddenIterationCost: elapsed };
  };
  return { k, iteration };
}

/** One call with `probe.payload` (valid for `probe.event`): does it reach the client, or throw? */
function probeCall(module, sdk) {
  const fn = sdk?.[probe.fns[module.name]];
  if (typeof fn !== 'function') return undefined;
  recording = true;
  received.length = 0;
  try {
    fn(probe.payload);
    return received.length === 1 ? 'sent' : `not sent (${received.length} calls)`;
  } catch (error) {
    return `threw: ${String(error.message).split('\n')[0]}`;
  } finally {
    recording = false;
  }
}

const bench = new Bench({ time: timeMs, warmupTime: Math.round(timeMs / 4) });
const checks = {};
const batchSizes = {};
const probes = {};
for (const module of modules) {
  const call = await contenderCall(module);
  checks[module.name] = check(module, call);
  if (probe && module.file && probe.fns[module.name]) probes[module.name] = probeCall(module, await import(new URL(`file://${module.file}`).href));
  const { k, iteration } = batched(call);
  batchSizes[module.name] = k;
  bench.add(module.name, iteration);
}
await bench.run();

const results = bench.tasks.map((task) => {
  const { result } = task;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state} ${result.error ?? ''}`);
  return {
    name: task.name,
    nsPerOpMedian: result.latency.p50 * 1e6,
    nsPerOpMean: result.latency.mean * 1e6,
    rmePercent: result.latency.rme,
    samples: result.latency.samplesCount ?? task.runs,
    callsPerSample: batchSizes[task.name],
    ...checks[task.name],
  };
});
process.stdout.write(`${JSON.stringify({ event, results, probes })}\n`);
