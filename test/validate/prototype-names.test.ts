// Events and properties named toString, valueOf, constructor, hasOwnProperty and __proto__: the
// generated development SDK and `plangen validate` give ajv's verdict on the plan's own schema
// (issue 13, "Prototype-member names": a false positive for toString, a false negative for a
// missing required constructor, __proto__ dropped from the validator's schema).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Violation } from '@plangen/core';
import { generate } from '../../packages/cli/src/generate/index.js';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';
import { PROTOTYPE_NAMES, prototypePayloads, referenceVerdict } from '../validators/prototype-names.js';

// Every event named after a prototype member, each with a property of every such name;
// `constructor` and `__proto__` required.
const properties = Object.fromEntries(
  PROTOTYPE_NAMES.map((name, index) => [
    name,
    { type: index % 2 === 0 ? 'string' : 'integer', ...(name === 'constructor' || name === '__proto__' ? { required: true } : {}) },
  ]),
);
const PLAN = JSON.stringify({ name: 'Prototype Names', events: Object.fromEntries(PROTOTYPE_NAMES.map((name) => [name, { properties }])) });
const { model } = loadPlanText(PLAN, 'plan.json');

/** Every payload of prototypePayloads as the properties of a track call of every event, parsed from JSON like recorded data. */
function trackCalls(): { event: string; payload: Record<string, unknown> }[] {
  return PROTOTYPE_NAMES.flatMap((event) =>
    prototypePayloads().map((props) => ({
      event,
      payload: JSON.parse(JSON.stringify({ type: 'track', event, properties: 'x' }).replace('"x"', JSON.stringify(props))) as Record<string, unknown>,
    })),
  );
}

function schemaOf(event: string): object {
  const found = model.events.find((candidate) => candidate.name === event);
  if (!found) throw new Error(`no event ${event}`);
  return found.versions[0]!.properties;
}

describe('prototype-member names through plangen validate', () => {
  it('has every event, and every property of each (__proto__ included)', () => {
    expect(model.events.map((event) => event.name).sort()).toEqual([...PROTOTYPE_NAMES].sort());
    for (const name of PROTOTYPE_NAMES) expect(Object.keys((schemaOf(name) as { properties: object }).properties).sort()).toEqual([...PROTOTYPE_NAMES].sort());
  });

  it('every verdict equals ajv\'s on the plan\'s own schema', () => {
    const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
    let invalid = 0;
    const calls = trackCalls();
    for (const { event, payload } of calls) {
      const verdict = check(payload);
      const expected = referenceVerdict(schemaOf(event), payload['properties']);
      expect({ event, payload, kind: verdict.kind, valid: verdict.kind === 'checked' && verdict.errors.length === 0 }).toEqual({
        event,
        payload,
        kind: 'checked',
        valid: expected.valid,
      });
      if (!expected.valid) invalid++;
    }
    expect(invalid).toBeGreaterThan(0);
    expect(invalid).toBeLessThan(calls.length);
  });

  it('a missing required constructor is a violation, an absent toString is not (were a false negative and a false positive)', () => {
    const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
    const verdict = check(JSON.parse('{"type":"track","event":"toString","properties":{"__proto__":"p"}}'));
    expect(verdict).toMatchObject({ kind: 'checked', event: 'toString', errors: [{ pointer: '/properties/constructor', keyword: 'required', message: 'is required' }] });
  });
});

describe('prototype-member names through the generated development SDK', () => {
  const folder = fileURLToPath(new URL(`.tmp-prototype-names-${process.pid}/`, import.meta.url));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('every wrapper reports exactly the calls ajv rejects', async () => {
    const files = await generate(model, { client: 'analytics-node', mode: 'development', language: 'ts' });
    mkdirSync(folder, { recursive: true });
    for (const file of files) writeFileSync(folder + file.path, file.content);
    const sdk = (await import(`${folder}index.ts`)) as Record<string, (...args: unknown[]) => void>;
    const sent: unknown[] = [];
    const violations: Violation[] = [];
    sdk['configure']!({ analytics: { track: (message: unknown) => sent.push(message) }, onViolation: (violation: Violation) => violations.push(violation) });
    const wrappers = new Map([
      ['toString', 'trackToString'],
      ['valueOf', 'trackValueOf'],
      ['constructor', 'trackConstructor'],
      ['hasOwnProperty', 'trackHasOwnProperty'],
      ['__proto__', 'trackProto'],
    ]);
    let rejected = 0;
    for (const { event, payload } of trackCalls()) {
      const wrapper = sdk[wrappers.get(event)!];
      expect(wrapper, event).toBeTypeOf('function');
      violations.length = 0;
      wrapper!({ userId: 'u', properties: payload['properties'] });
      const expected = referenceVerdict(schemaOf(event), payload['properties']);
      expect({ event, properties: payload['properties'], violated: violations.length > 0 }).toEqual({
        event,
        properties: payload['properties'],
        violated: !expected.valid,
      });
      if (!expected.valid) rejected++;
    }
    expect(rejected).toBeGreaterThan(0);
    expect(sent).toHaveLength(trackCalls().length);
  });
});
