// The typing copies json-schema-to-typescript reads leave out the validation
// keywords it never reads (their doc lines are kept), so it has fewer keys to
// copy and walk; the printed types are unchanged (goldens, one-run oracle).
import { describe, expect, it } from 'vitest';
import { Placeholders } from '../../packages/cli/src/generate/placeholders.js';
import { typeEntries } from '../../packages/cli/src/generate/type-entries.js';
import { typingDefinitions } from '../../packages/cli/src/generate/typing-definitions.js';
import { reservedTypeNames } from '../../packages/cli/src/generate/view-model.js';
import { planOfEvents } from './plan-of-events.js';

describe('typing copies', () => {
  it('drop validation-only keywords and keep what they say in comments', () => {
    const plan = planOfEvents([
      [
        ['code', { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3, format: 'iso-code' }],
        ['count', { type: 'integer', minimum: 0, maximum: 9, exclusiveMinimum: -1, exclusiveMaximum: 10, multipleOf: 1 }],
        ['tags', { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true }],
        ['bag', { type: 'object', minProperties: 1, maxProperties: 2 }],
      ],
    ]);
    const placeholders = new Placeholders();
    const definitions = typingDefinitions(typeEntries(plan), reservedTypeNames(plan), placeholders);
    const properties = definitions[placeholders.type(plan.events[0]!.versions[0]!.identifiers.type)]!.properties!;
    expect(properties[placeholders.key('code')]).toStrictEqual({ type: 'string', description: 'Must match `^[A-Z]{3}$`.\nFormat: iso-code' });
    expect(properties[placeholders.key('count')]).toStrictEqual({ type: 'integer' });
    // minItems and maxItems stay: json-schema-to-typescript writes them into the comment.
    expect(properties[placeholders.key('tags')]).toStrictEqual({ type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 });
    expect(properties[placeholders.key('bag')]).toStrictEqual({ type: 'object' });
  });
});
