// A plan whose every piece of text tries to break out of a string, a comment or a template literal.
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { handEvent, handPlan, handVersion } from './hand-model.js';

export const HOSTILE_TEXT = 'end */ `${globalThis.pwned = 1}` "q" \'s\' \u2028line\u2029 </script> \\\n@param x';

/**
 * `withProtoKey: false` leaves out the property named `__proto__`: the validator compiler
 * (generate/validators/map-subschemas.ts) does not accept it yet.
 */
export function injectionPlan({ withProtoKey = true } = {}): PlanModel {
  const name = `Evil */ \`\${globalThis.pwned = 1}\` "q" \u2028 </script>`;
  const version = handVersion(
    'Evil',
    1,
    {
      type: 'object',
      description: HOSTILE_TEXT,
      properties: {
        ...(withProtoKey ? { ['__proto__']: { type: 'string', description: HOSTILE_TEXT } } : {}),
        class: { type: 'string' },
        'ünïcödé': { type: 'integer' },
        'a */ b': { type: 'string', pattern: '^(x*/|y)$' },
        'quote"key': { enum: ['a"b', 'c`${d}`', 'e\u2028f'] },
        tsTypeInjection: { type: 'string', tsType: 'string; globalThis.pwned = 1; type X = string', title: 'Bad */ title' } as never,
        season: { type: 'string', pattern: '^(fall|"winter"|`spring`)$' },
      },
      required: withProtoKey ? ['__proto__', 'class'] : ['class'],
    },
    { description: HOSTILE_TEXT, labels: { [HOSTILE_TEXT]: HOSTILE_TEXT } },
  );
  return handPlan([handEvent(name, [version], { identifiers: { fn: 'trackEvil', type: 'EvilProperties', validator: 'validateEvilV1' } })], {
    file: '/abs/dir/evil \u2028@x plan.yaml',
  });
}
