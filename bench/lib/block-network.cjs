// Preloaded (node --require) into every tool the benchmark spawns: Typewriter
// sends telemetry and can fetch plans, and the bench must never reach anything
// but localhost. Every refused request is appended to $BENCH_NET_LOG so the
// report can say what was attempted.
'use strict';
const fs = require('node:fs');
const net = require('node:net');

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;
const log = process.env.BENCH_NET_LOG;
const record = (target) => log && fs.appendFileSync(log, `${target}\n`);

// Typewriter's telemetry client posts with fetch and retries failures with
// back-off; answering 200 at once keeps those waits out of its timings.
const realFetch = globalThis.fetch;
globalThis.fetch = async function localOnlyFetch(input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (LOOPBACK.test(url.hostname)) return realFetch(input, init);
  record(`${url.host} (fetch answered locally)`);
  return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
};

// Name look-ups would already reach a DNS server: refuse them for other hosts.
const dns = require('node:dns');
const lookup = dns.lookup;
dns.lookup = function localOnlyLookup(hostname, ...rest) {
  if (LOOPBACK.test(hostname)) return lookup.call(this, hostname, ...rest);
  record(`${hostname} (name look-up refused)`);
  const callback = rest[rest.length - 1];
  const error = Object.assign(new Error(`bench: look-up of ${hostname} is blocked`), { code: 'ENOTFOUND', hostname });
  process.nextTick(() => callback(error));
};
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = async function localOnlyPromisedLookup(hostname, ...rest) {
  if (LOOPBACK.test(hostname)) return promisedLookup.call(this, hostname, ...rest);
  record(`${hostname} (name look-up refused)`);
  throw Object.assign(new Error(`bench: look-up of ${hostname} is blocked`), { code: 'ENOTFOUND', hostname });
};

// Anything else (http, https, got, sockets) fails fast.
function targetOf(args) {
  const [first, second] = Array.isArray(args[0]) ? args[0] : args;
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined) return { local: true, name: String(first.path) };
    const host = first.host ?? 'localhost';
    return { local: LOOPBACK.test(host), name: `${host}:${first.port}` };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { local: true, name: first };
  const host = typeof second === 'string' ? second : 'localhost';
  return { local: LOOPBACK.test(host), name: `${host}:${first}` };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function localOnlyConnect(...args) {
  const target = targetOf(args);
  if (target.local) return connect.apply(this, args);
  record(`${target.name} (connection refused)`);
  process.nextTick(() => this.destroy(new Error(`bench: network access to ${target.name} is blocked`)));
  return this;
};
