// `$ref`s the loader accepts are ones generate can type and compile: every
// spelling ajv accepts, nested definitions, and documented references.
import { describe, expect, it } from 'vitest';
import { generate } from '../../packages/cli/src/generate/index.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

function plan(schema: unknown): string {
  return JSON.stringify({ name: 'Shop', events: { 'Code Entered': { schema } } });
}

async function sdk(text: string): Promise<{ index: string; accepts: (properties: unknown) => boolean }> {
  const { model } = loadPlanText(text, 'plan.json');
  const files = await generate(model, { client: 'analytics-next', mode: 'development', language: 'ts' } as Parameters<typeof generate>[1]);
  const version = model.events[0]!.versions[0]!;
  const validate = loadValidators([{ name: version.identifiers.validator, schema: version.properties }])[version.identifiers.validator]!;
  return { index: files.find((file) => file.path === 'index.ts')!.content, accepts: (properties) => validate(properties) === true };
}

describe('$ref spellings', () => {
  it('a $ref to the definition "a/b" written #/definitions/a%2Fb loads and generates (it was refused as pointing to nothing)', async () => {
    const { index, accepts } = await sdk(
      plan({ type: 'object', definitions: { 'a/b': { type: 'string', pattern: '^[A-Z]+$' } }, properties: { code: { $ref: '#/definitions/a%2Fb' } } }),
    );
    expect(index).toMatch(/ {2}code\?: AB\n/);
    expect(index).toMatch(/export type AB = string\n/);
    expect(accepts({ code: 'ABC' })).toBe(true);
    expect(accepts({ code: 'abc' })).toBe(false);
  });

  it('a $ref to a nested definition generates (it failed with an unlocated "Missing $ref pointer")', async () => {
    const { index, accepts } = await sdk(
      plan({
        type: 'object',
        definitions: { codes: { definitions: { promo: { type: 'string', minLength: 4 } } } },
        properties: { code: { $ref: '#/definitions/codes/definitions/promo' } },
      }),
    );
    expect(index).toMatch(/ {2}code\?: Promo\n/);
    expect(index).toMatch(/export type Promo = string\n/);
    expect(accepts({ code: 'SAVE' })).toBe(true);
    expect(accepts({ code: 'SV' })).toBe(false);
  });

  it('a documented $ref keeps its comment on the property and one shared type (it was copied under a leaked placeholder name)', async () => {
    const { index } = await sdk(
      plan({
        type: 'object',
        definitions: { code: { type: 'object', properties: { value: { type: 'string' } } } },
        properties: { first: { $ref: '#/definitions/code', description: 'The code typed first.' }, second: { $ref: '#/definitions/code' } },
      }),
    );
    expect(index).toContain('  /**\n   * The code typed first.\n   */\n  first?: Code\n  second?: Code\n');
    expect(index).not.toMatch(/Plangen(Type|Key)\d/);
    expect(index.match(/export interface Code \{/g)).toHaveLength(1);
    expect(index).not.toMatch(/\* The code typed first\.\n \*\/\nexport interface Code/);
  });
});
