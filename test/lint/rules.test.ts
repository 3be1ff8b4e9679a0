import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSettings } from '../../packages/cli/src/lint/lint-config.js';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import type { LintConfig } from '../../packages/cli/src/lint/rule-ids.js';
import { RULES } from '../../packages/cli/src/lint/rules.js';
import { loadPlan, loadPlanText, type LoadedPlan } from '../../packages/cli/src/load/load-plan.js';
import { NO_LOCATOR } from '../../packages/cli/src/model/locator.js';
import { event, object, plan } from '../diff/plan-builder.js';

/** `line:col severity rule: detail` for each problem of a plan written in YAML. */
function lint(yaml: string, config?: LintConfig): string[] {
  return lintModel(loadPlanText(yaml, 'plan.yaml'), config);
}

function lintModel(plan: LoadedPlan, config?: LintConfig): string[] {
  return lintPlan(plan, lintSettings(config)).map(({ location, severity, rule, detail }) => {
    const where = location.line !== undefined ? `${location.line}:${location.column}` : `#${location.pointer}`;
    return `${where} ${severity} ${rule}: ${detail}`;
  });
}

/** Only the problems of one rule. */
const only = (rule: string, problems: string[]) => problems.filter((problem) => problem.includes(` ${rule}: `));

const described = (name: string, properties: string) => `name: Test
events:
  ${name}:
    description: Sent in tests.
    properties:
${properties}`;

describe('lint rules', () => {
  it('every rule has an id and its sentence reads as a sentence', () => {
    expect([...RULES.values()].map((rule) => rule.id)).toEqual([
      'naming-convention',
      'name-collision',
      'missing-description',
      'inconsistent-property-type',
      'invalid-pattern',
      'unanchored-pattern',
      'lookahead-pattern',
      'redos-pattern',
      'empty-event',
      'unchanged-version',
      'unsatisfiable-schema',
    ]);
    for (const sentence of RULES.keys()) expect(sentence).toMatch(/^[A-Z][^.]*[a-z$]$/);
  });

  it('naming-convention: Object Action in Title Case events and snake_case properties by default', () => {
    const problems = lint(described('order completed', '      orderId: { type: string, description: The order. }\n      order_total: { type: number, description: Total. }\n'));
    expect(only('naming-convention', problems)).toEqual([
      '3:3 warn naming-convention: event "order completed" is not Title Case. Rename it to "Order Completed"',
      '6:7 warn naming-convention: property "orderId" of event "order completed" v1 is not snake_case. Rename it to "order_id"',
    ]);
    expect(only('naming-convention', lint(described('Order Completed', '      order_id: { type: string, description: The order. }\n')))).toEqual([]);
  });

  it('naming-convention: a single word is not Object Action', () => {
    expect(only('naming-convention', lint(described('Signup', '      method: { type: string, description: How. }\n')))).toEqual([
      '3:3 warn naming-convention: event "Signup" is not Title Case. Name the object, then the action, like "Order Completed"',
    ]);
  });

  it("naming-convention: Segment's camelCase spec traits are not reported, other traits are", () => {
    const yaml = `name: Test
identify:
  description: Who.
  traits:
    firstName: { type: string, description: A. }
    createdAt: { type: string, description: B. }
    favoriteColor: { type: string, description: C. }
`;
    expect(only('naming-convention', lint(yaml))).toEqual([
      '7:5 warn naming-convention: property "favoriteColor" of identify traits is not snake_case. Rename it to "favorite_color"',
    ]);
  });

  it('naming-convention: styles come from the config', () => {
    const yaml = described('order_completed', '      orderId: { type: string, description: The order. }\n      order_total: { type: number, description: Total. }\n');
    expect(only('naming-convention', lint(yaml, { 'naming-convention': ['error', { events: 'snake_case', properties: 'camelCase' }] }))).toEqual([
      '7:7 error naming-convention: property "order_total" of event "order_completed" v1 is not camelCase. Rename it to "orderTotal"',
    ]);
  });

  it('name-collision: event names and sibling property names that normalize alike', () => {
    const yaml = `name: Test
events:
  Order Completed:
    description: One.
    properties:
      order_id: { type: string, description: The order. }
      Order ID: { type: string, description: The order again. }
  order_completed:
    description: Two.
    properties:
      order_id: { type: string, description: The order. }
`;
    expect(only('name-collision', lint(yaml))).toEqual([
      '7:7 error name-collision: property "Order ID" of event "Order Completed" v1 collides with "order_id". Keep one of them',
      '8:3 error name-collision: event "order_completed" collides with "Order Completed". Merge them, or rename one so they differ in more than case and punctuation',
    ]);
    expect(only('name-collision', lint(described('Order Completed', '      order_id: { type: string, description: A. }\n      order_ids: { type: string, description: B. }\n')))).toEqual([]);
  });

  it('missing-description: events and properties at any depth', () => {
    const yaml = `name: Test
events:
  Order Completed:
    properties:
      order_id: { type: string, description: The order. }
      address:
        type: object
        description: Where it goes.
        properties:
          city: { type: string }
`;
    expect(only('missing-description', lint(yaml))).toEqual([
      '3:3 warn missing-description: event "Order Completed" has no description. Say when it is sent',
      '10:11 warn missing-description: property "city" of event "Order Completed" v1 has no description. Say what it holds',
    ]);
  });

  it('missing-description: identify traits, located under traits', () => {
    const yaml = `name: Test
identify:
  traits:
    email: { type: string }
`;
    expect(only('missing-description', lint(yaml))).toEqual([
      '4:5 warn missing-description: property "email" of identify traits has no description. Say what it holds',
    ]);
  });

  it('inconsistent-property-type: one name, different types in the latest versions of different events', () => {
    const yaml = `name: Test
events:
  Order Completed:
    description: A.
    properties:
      total: { type: number, description: Total. }
  Cart Viewed:
    description: B.
    properties:
      total: { type: string, description: Total. }
  Checkout Started:
    description: C.
    properties:
      total: { type: number, nullable: true, description: Total. }
`;
    expect(only('inconsistent-property-type', lint(yaml))).toEqual([
      '10:7 warn inconsistent-property-type: property "total" is string in event "Cart Viewed" but number in "Checkout Started", "Order Completed". Use one type, or a different name for a different meaning',
    ]);
  });

  it('inconsistent-property-type: versions of one event may differ', () => {
    const yaml = `name: Test
events:
  Order Completed:
    description: A.
    versions:
      - version: 1
        properties:
          total: { type: string, description: Total. }
      - version: 2
        properties:
          total: { type: number, description: Total. }
`;
    expect(only('inconsistent-property-type', lint(yaml))).toEqual([]);
  });

  it('invalid-pattern: the loader refuses invalid patterns, so it fires on models built in code', () => {
    const model = plan([event('Order Completed', [object({ code: { type: 'string', pattern: '^(a$', description: 'A code.' } })], { description: 'A.' })]);
    expect(only('invalid-pattern', lintModel({ model, locator: NO_LOCATOR }))).toEqual([
      '#/events/Order Completed/versions/0/properties/code error invalid-pattern: pattern "^(a$" in event "Order Completed" v1 is not a valid regular expression: Unterminated group',
    ]);
    expect(only('invalid-pattern', lint(described('Order Completed', '      code: { type: string, pattern: "^(a)$", description: A. }\n')))).toEqual([]);
  });

  it('unanchored-pattern: Segment-style pipe lists match anywhere', () => {
    expect(only('unanchored-pattern', lint(described('Order Completed', '      season: { type: string, pattern: "fall|winter", description: A. }\n')))).toEqual([
      '6:7 warn unanchored-pattern: pattern "fall|winter" in event "Order Completed" v1 matches anywhere in the value, so any longer value that contains a match passes too. Anchor it: "^(?:fall|winter)$"',
    ]);
  });

  it('unanchored-pattern: an anchor at either end, or a group anchored inside, is deliberate', () => {
    const properties = ['"^ord_"', '"_test$"', '"^(?:fall|winter)$"', '"(^a$)|(^b$)"'].map(
      (pattern, index) => `      p${index}: { type: string, pattern: ${pattern}, description: A. }\n`,
    );
    expect(only('unanchored-pattern', lint(described('Order Completed', properties.join(''))))).toEqual([]);
  });

  it('lookahead-pattern: negative lookahead fires, positive lookahead does not', () => {
    const yaml = described('Order Completed', '      a: { type: string, pattern: "^(?!FREE).*$", description: A. }\n      b: { type: string, pattern: "^(?=x)x+$", description: B. }\n');
    expect(only('lookahead-pattern', lint(yaml))).toEqual([
      '6:7 error lookahead-pattern: pattern "^(?!FREE).*$" in event "Order Completed" v1 uses negative lookahead (?!...). Express the exclusion with "not": { "pattern": ... } instead',
    ]);
  });

  it('redos-pattern: exponential backtracking fires, linear patterns do not', () => {
    const yaml = described('Order Completed', '      a: { type: string, pattern: "^(a+)+$", description: A. }\n      b: { type: string, pattern: "^[a-z]+@[a-z]+$", description: B. }\n');
    expect(only('redos-pattern', lint(yaml))).toEqual([
      '6:7 error redos-pattern: pattern "^(a+)+$" in event "Order Completed" v1: "(a+)+" can backtrack exponentially on a long run of "a". Rewrite it so no repeated part can match the same text in more than one way',
    ]);
  });

  it('redos-pattern: patternProperties keys are patterns too, located at the key', () => {
    const yaml = `name: Test
events:
  Order Completed:
    description: Sent in tests.
    schema:
      type: object
      patternProperties:
        "^(a|aa)+$": { type: string }
        "^x_[a-z]+$": { type: string }
`;
    expect(only('redos-pattern', lint(yaml))).toEqual([
      '8:9 error redos-pattern: pattern "^(a|aa)+$" in event "Order Completed" v1: "(a|aa)+" can backtrack exponentially, because its alternatives can match the same text in more than one way. Rewrite it so no repeated part can match the same text in more than one way',
    ]);
  });

  it('redos-pattern: the bundled fixtures and the real Typewriter plans pass', async () => {
    const files = [
      'fixtures/shop/plan.yaml',
      'fixtures/shop-json/plan.json',
      'fixtures/segment-public-api/plan.json',
      'fixtures/segment-config-api/plan.json',
      ...readdirSync('fixtures')
        .filter((name) => name.startsWith('typewriter-'))
        .map((name) => `fixtures/${name}/plan.json`),
    ];
    for (const file of files) expect(only('redos-pattern', lintModel(await loadPlan(file))), file).toEqual([]);
  });

  it('details stay on one line when the plan text holds U+2028 or U+2029', () => {
    const plan = JSON.stringify({ name: 'Test', events: { A: { description: 'A.', properties: { a: { type: 'string', pattern: '\u2028', description: 'A.' } } } } });
    expect(only('unanchored-pattern', lintModel(loadPlanText(plan, 'plan.json')))).toEqual([
      '1:64 warn unanchored-pattern: pattern "\\u2028" in event "A" v1 matches anywhere in the value, so any longer value that contains a match passes too. Anchor it: "^(?:\\u2028)$"',
    ]);
  });

  it('empty-event: the latest version defines no properties', () => {
    const yaml = `name: Test
events:
  App Opened:
    description: A.
  Order Completed:
    description: B.
    versions:
      - version: 1
      - version: 2
        properties:
          order_id: { type: string, description: The order. }
`;
    expect(only('empty-event', lint(yaml))).toEqual([
      '3:3 warn empty-event: event "App Opened" v1 defines no properties. Add the properties it sends, or remove the event if it carries no information',
    ]);
  });

  it('unchanged-version: a version with the same schema as the one before, wording aside', () => {
    const version = (n: number, description: string, type = 'string') =>
      `      - version: ${n}\n        properties:\n          order_id: { type: ${type}, description: ${description} }\n`;
    const yaml = `name: Test\nevents:\n  Order Completed:\n    description: A.\n    versions:\n${version(1, 'One.')}${version(2, 'Two.')}${version(3, 'Three.', 'integer')}`;
    expect(only('unchanged-version', lint(yaml))).toEqual([
      '9:9 warn unchanged-version: event "Order Completed" v2 has the same schema as v1. Remove v2, or make the change it was added for',
    ]);
  });
});

describe('severities', () => {
  const yaml = described('order completed', '      order_id: { type: string }\n');

  /** `warn naming-convention` from `3:3 warn naming-convention: ...`. */
  const ruleAndSeverity = (problems: string[]) => problems.map((problem) => problem.split(' ').slice(1, 3).join(' ').replace(/:$/, ''));

  it('defaults apply without a config, and the config overrides them or turns rules off', () => {
    expect(ruleAndSeverity(lint(yaml))).toEqual(['warn naming-convention', 'warn missing-description']);
    expect(ruleAndSeverity(lint(yaml, { 'naming-convention': 'error', 'missing-description': 'off' }))).toEqual(['error naming-convention']);
  });

  it('sorts problems by position', () => {
    const positions = lint(yaml).map((problem) => problem.split(' ')[0]);
    expect(positions).toEqual(['3:3', '6:7']);
  });
});
