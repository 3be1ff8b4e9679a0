// The one pattern check (schema/patterns.ts) as generate, validate and lint use it:
// catastrophic and undecided patterns are refused by all three with the same
// located message, a pattern the config lists under acceptedPatterns passes, and
// the analysis is bounded by counts, not by time.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { run as runValidateCommand, type ValidateDeps } from '../../packages/cli/src/commands/validate.js';
import { validateConfig } from '../../packages/cli/src/config/validate-config.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { DEFAULT_GENERATE_OPTIONS, type GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { DEFAULT_NAMING } from '../../packages/cli/src/lint/lint-config.js';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { ANALYSIS_LIMITS, checkPatternSafety, regexProblem } from '../../packages/cli/src/schema/patterns.js';
import { SUBSCHEMA_KEYWORDS } from '../../packages/cli/src/schema/walk-subschemas.js';
import { asCli, captureOutput, project } from '../cli/helpers.js';

const runValidate = asCli('validate', runValidateCommand);
const SIXTY_NESTED_GROUPS = `${'('.repeat(60)}a${')*'.repeat(60)}`;
/** An alternation whose automata pass the node limit; the old check called that safe. */
const HUGE_ALTERNATION = '^(?:[ab]{1,3000}|[bc]{1,3000})+$';
const UNDECIDED_FIX = (pattern: string) => `Simplify it, or accept it knowingly: add ${JSON.stringify(pattern)} to "acceptedPatterns" in the plangen config`;
const CATASTROPHIC_FIX = 'Rewrite it so no repeated part can match the same text in more than one way';

/** Each pattern that hung generate, validate or lint, with the reason the check now gives and the fix it asks for. */
const REFUSED: readonly { pattern: string; reason: string; fix: string }[] = [
  { pattern: '^(a+)+$', reason: '"(a+)+" can backtrack exponentially on a long run of "a"', fix: CATASTROPHIC_FIX },
  {
    pattern: '^(a{0,5})*$',
    reason: '"(a{0,5})*" can backtrack exponentially, because one round of it can match the same text as several rounds',
    fix: CATASTROPHIC_FIX,
  },
  {
    pattern: '^(?:a{1,30}){1,30}$',
    reason: '"(?:a{1,30}){1,30}" can backtrack through up to 30^30 ways to split one value, because one round of it can match the same text as several rounds',
    fix: CATASTROPHIC_FIX,
  },
  {
    pattern: HUGE_ALTERNATION,
    reason: `the backtracking check cannot decide whether it is safe: its repetitions need automata of more than ${ANALYSIS_LIMITS.automatonNodes} nodes`,
    fix: UNDECIDED_FIX(HUGE_ALTERNATION),
  },
  {
    pattern: SIXTY_NESTED_GROUPS,
    reason: `the backtracking check cannot decide whether it is safe: it nests repetitions 60 deep (the check reads up to ${ANALYSIS_LIMITS.quantifierDepth})`,
    fix: UNDECIDED_FIX(SIXTY_NESTED_GROUPS),
  },
];

function planText(pattern: string): string {
  return JSON.stringify({ name: 'ReDoS', events: { 'Code Entered': { properties: { code: { type: 'string', pattern } } } } }, null, 2);
}

/** Located where planText writes the property that holds the pattern: line 6, column 9. */
const expectedMessage = ({ pattern, reason, fix }: (typeof REFUSED)[number]): string =>
  `plan.json:6:9: pattern ${JSON.stringify(pattern)} in event "Code Entered" v1: ${reason}. ${fix}.`;

async function generateError(text: string, options: GenerateOptions = DEFAULT_GENERATE_OPTIONS): Promise<unknown> {
  return Promise.resolve()
    .then(() => { const { model, locator } = loadPlanText(text, 'plan.json'); return generate(model, options, locator); })
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
}

function piped(): ValidateDeps {
  const stdin = new PassThrough();
  stdin.end('');
  return { stdin, terminal: { isTTY: false, write: () => true } };
}

const PAYLOAD = '{"type":"track","event":"Code Entered","messageId":"m1","properties":{"code":"aaaa"}}\n';

describe('checkPatternSafety', () => {
  it('gives each refused pattern its reason', () => {
    for (const { pattern, reason } of REFUSED) {
      expect(checkPatternSafety(pattern), pattern).toEqual({ verdict: reason.startsWith('the backtracking check') ? 'undecided' : 'catastrophic', reason });
    }
  });

  it('gives up on 60 nested groups by counting (nesting depth past the limit), before any automaton is built', () => {
    const result = checkPatternSafety(SIXTY_NESTED_GROUPS);
    expect(SIXTY_NESTED_GROUPS).toHaveLength(181);
    expect(result.verdict).toBe('undecided');
    expect(60).toBeGreaterThan(ANALYSIS_LIMITS.quantifierDepth);
  });

  it('counts its budget: quantifiers, and nesting of repetitions only (an optional group runs once)', () => {
    const manyQuantifiers = `^${'[a-z]+,'.repeat(ANALYSIS_LIMITS.quantifiers + 1)}$`;
    expect(checkPatternSafety(manyQuantifiers)).toEqual({
      verdict: 'undecided',
      reason: `the backtracking check cannot decide whether it is safe: it has ${ANALYSIS_LIMITS.quantifiers + 1} quantifiers (the check reads up to ${ANALYSIS_LIMITS.quantifiers})`,
    });
    expect(checkPatternSafety(`^${'[a-z]+,'.repeat(ANALYSIS_LIMITS.quantifiers)}$`)).toEqual({ verdict: 'safe' });
    // Without a repetition, length does not matter: a long enum stays safe.
    const words = Array.from({ length: 2000 }, (_, index) => `word${index}`).join('|');
    expect(checkPatternSafety(`^(?:${words})$`)).toEqual({ verdict: 'safe' });
    const long = `^(?:${'x'.repeat(ANALYSIS_LIMITS.length)})+$`;
    expect(checkPatternSafety(long)).toEqual({
      verdict: 'undecided',
      reason: `the backtracking check cannot decide whether it is safe: it is ${long.length} characters long (the check reads up to ${ANALYSIS_LIMITS.length})`,
    });
    expect(checkPatternSafety('^(?:(?:(?:(?:(?:(?:(?:[a-z]+-)?[a-z]+)?,)?;)?:)?\\.)?!)+$')).toEqual({ verdict: 'safe' });
    const docsExample = '^(?:a(?:b(?:c(?:d(?:e(?:f)*)*)*)*)*)*$';
    expect(checkPatternSafety(docsExample)).toEqual({
      verdict: 'undecided',
      reason: `the backtracking check cannot decide whether it is safe: it nests repetitions 6 deep (the check reads up to ${ANALYSIS_LIMITS.quantifierDepth})`,
    });
  });

  it('decides patterns within the limits that the old node limit called safe or that took long: big counted repetitions', () => {
    expect(checkPatternSafety('^[a-z]{1,100000}$')).toEqual({ verdict: 'safe' });
    // Widened to `[a-z]+\.` first: one dot a round, so no round respells another.
    expect(checkPatternSafety('^(?:[a-z]{1,2000}\\.)+$')).toEqual({ verdict: 'safe' });
    expect(checkPatternSafety('^(?:[a-c]{1,2000}x|[a-c]{1,2000}y|[a-c]{1,2000}z)+$')).toEqual({ verdict: 'safe' });
    // Rounds of 4000 or 4001 characters: two never fit in one.
    expect(checkPatternSafety('^(?:a[b-z]{4000}|b[a-z]{4000}|c{4000})+$')).toEqual({ verdict: 'safe' });
    expect(checkPatternSafety('^(?:[0-9a-f]{2}){1,64}$')).toEqual({ verdict: 'safe' });
    expect(checkPatternSafety('^(?:\\d{1,3}){3}$')).toEqual({ verdict: 'safe' });
  });

  it('compares large enum alternations as words, without automata', () => {
    const words = Array.from({ length: 1000 }, (_, index) => `w${index.toString(36)}`);
    expect(checkPatternSafety(`^(?:${words.join('|')})+$`)).toEqual({ verdict: 'safe' });
    expect(checkPatternSafety(`^(?:${[...words, 'w5'].join('|')})+$`).verdict).toBe('catastrophic');
    // "w1w2" is spelled by two words, so a run of it splits two ways.
    expect(checkPatternSafety(`^(?:${[...words, 'w1w2'].join('|')})+$`).verdict).toBe('catastrophic');
    expect(checkPatternSafety('^(?:ab|cd)+$')).toEqual({ verdict: 'safe' });
  });

  it('refuses groups in a row that each match some text two ways, though none repeats (2^30 splits hang V8)', () => {
    expect(checkPatternSafety(`^${'(a|a)'.repeat(30)}$`)).toEqual({
      verdict: 'catastrophic',
      reason: '"(a|a)" and 29 more groups each match some text in more than one way, so one value can be split in up to 1073741824 ways',
    });
    expect(checkPatternSafety(`^${'(?:[ab]|[bc])'.repeat(30)}$`).verdict).toBe('catastrophic');
    // 2^19 ways stay under the bound; groups whose alternatives never overlap multiply nothing.
    expect(checkPatternSafety(`^${'(a|a)'.repeat(19)}$`)).toEqual({ verdict: 'safe' });
    expect(checkPatternSafety(`^${'(a|b)'.repeat(30)}$`)).toEqual({ verdict: 'safe' });
  });

  it('checks validity as ajv compiles patterns, with the u flag', () => {
    expect(regexProblem('^[a-z]+$')).toBeUndefined();
    expect(regexProblem('(')).toBe('/(/u: Unterminated group');
    // Valid without the u flag, not with it.
    expect(regexProblem('\\-')).toBe('/\\-/u: Invalid escape');
  });
});

describe('refused patterns', () => {
  for (const refused of REFUSED) {
    it(`generate refuses ${JSON.stringify(refused.pattern.slice(0, 40))} with the located message`, async () => {
      const error = await generateError(planText(refused.pattern));
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).message).toBe(expectedMessage(refused));
    });

    it(`lint reports ${JSON.stringify(refused.pattern.slice(0, 40))} as an error with the same words`, () => {
      const problems = lintPlan(loadPlanText(planText(refused.pattern), 'plan.json')).filter((problem) => problem.rule === 'redos-pattern');
      expect(problems.map(({ severity, detail, location }) => ({ severity, detail, line: location.line, column: location.column }))).toEqual([
        { severity: 'error', detail: expectedMessage(refused).replace(/^plan\.json:6:9: /, '').replace(/\.$/, ''), line: 6, column: 9 },
      ]);
    });

    it(`validate refuses ${JSON.stringify(refused.pattern.slice(0, 40))} before reading a payload (exit 2)`, async () => {
      await project({ 'plan.json': planText(refused.pattern), 'events.jsonl': PAYLOAD });
      const output = captureOutput();
      expect(await runValidate({ plan: 'plan.json', files: ['events.jsonl'] }, piped())).toBe(2);
      expect(output.stderr()).toBe(`${expectedMessage(refused)}\n`);
      expect(output.stdout()).toBe('');
    });
  }
});

describe('acceptedPatterns: accepting a refused pattern knowingly', () => {
  const [catastrophic, , , undecided] = REFUSED as [(typeof REFUSED)[number], unknown, unknown, (typeof REFUSED)[number]];

  it('makes generate accept the listed pattern, and only that one', async () => {
    const accepted = { ...DEFAULT_GENERATE_OPTIONS, acceptedPatterns: [catastrophic.pattern, undecided.pattern] };
    expect(await generateError(planText(catastrophic.pattern), accepted)).toBeUndefined();
    expect(await generateError(planText(undecided.pattern), accepted)).toBeUndefined();
    const other = await generateError(planText('^(a{0,5})*$'), accepted);
    expect((other as PlanError).message).toBe(expectedMessage(REFUSED[1]!));
  });

  it('silences lint for the listed pattern', () => {
    const loaded = loadPlanText(planText(undecided.pattern), 'plan.json');
    const settings = { severities: {}, naming: DEFAULT_NAMING };
    expect(lintPlan(loaded, settings).filter((problem) => problem.rule === 'redos-pattern')).toHaveLength(1);
    expect(lintPlan(loaded, { ...settings, acceptedPatterns: [undecided.pattern] }).filter((problem) => problem.rule === 'redos-pattern')).toEqual([]);
  });

  it('lets plangen lint pass with the pattern listed in plangen.config.json, and fail without', async () => {
    await project({ 'plan.json': planText(undecided.pattern) });
    let output = captureOutput();
    expect(await main(['lint', 'plan.json'])).toBe(1);
    expect(output.stdout()).toContain('(redos-pattern)');
    await project({ 'plan.json': planText(undecided.pattern), 'plangen.config.json': JSON.stringify({ acceptedPatterns: [undecided.pattern] }) });
    output = captureOutput();
    expect(await main(['lint', 'plan.json'])).toBe(0);
    expect(output.stdout()).not.toContain('(redos-pattern)');
  });

  it('lets validate run with the pattern listed in plangen.config.json', async () => {
    await project({
      'plan.json': planText(catastrophic.pattern),
      'events.jsonl': PAYLOAD,
      'plangen.config.json': JSON.stringify({ acceptedPatterns: [catastrophic.pattern] }),
    });
    const output = captureOutput();
    expect(await runValidate({ plan: 'plan.json', files: ['events.jsonl'] }, piped())).toBe(0);
    expect(output.stderr()).toBe('');
  });

  it('is a list of strings in the config, or a located error', () => {
    expect(validateConfig({ acceptedPatterns: ['^(a+)+$'] }, 'plangen.config.json')).toEqual({ acceptedPatterns: ['^(a+)+$'] });
    expect(() => validateConfig({ acceptedPatterns: '^(a+)+$' }, 'plangen.config.json')).toThrow(
      'plangen.config.json#/acceptedPatterns: invalid plangen config: "acceptedPatterns" must be a list of patterns, each exactly as written in the plan, not "^(a+)+$". Write it like { "acceptedPatterns": ["^(a|ab)*$"] }.',
    );
  });
});

describe('regression: a ReDoS pattern under dependencies (issue 14)', () => {
  const text = JSON.stringify(
    {
      name: 'ReDoS',
      events: {
        'Code Entered': {
          schema: { type: 'object', properties: { a: { type: 'string' } }, dependencies: { a: { properties: { b: { type: 'string', pattern: '^(a+)+$' } } } } },
        },
      },
    },
    null,
    2,
  );
  const message = 'pattern "^(a+)+$" in event "Code Entered" v1: "(a+)+" can backtrack exponentially on a long run of "a". ' + CATASTROPHIC_FIX + '.';

  it('is flagged by lint', () => {
    const problems = lintPlan(loadPlanText(text, 'plan.json')).filter((problem) => problem.rule === 'redos-pattern');
    // PlanError ends the sentence with a period; a lint detail does not.
    expect(problems.map((problem) => problem.detail)).toEqual([message.replace(/\.$/, '')]);
  });

  it('is refused by generate', async () => {
    const error = await generateError(text);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).message).toMatch(/^plan\.json:\d+:\d+: /);
    expect((error as PlanError).message.replace(/^plan\.json:\d+:\d+: /, '')).toBe(message);
  });
});

describe('a ReDoS pattern under every keyword that holds a schema', () => {
  const holder = { type: 'string', pattern: '^(a+)+$' };
  const shapes = { schema: holder, schemaOrList: [holder], list: [holder], map: { name: holder } } as const;
  for (const [keyword, kind] of Object.entries(SUBSCHEMA_KEYWORDS)) {
    it(`is flagged by lint and refused by generate under ${keyword}`, async () => {
      const text = JSON.stringify({ name: 'ReDoS', events: { 'Code Entered': { schema: { type: 'object', [keyword]: shapes[kind] } } } }, null, 2);
      const problems = lintPlan(loadPlanText(text, 'plan.json')).filter((problem) => problem.rule === 'redos-pattern');
      expect(problems).toHaveLength(1);
      const error = await generateError(text);
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).message).toContain('"(a+)+" can backtrack exponentially');
    });
  }
});
