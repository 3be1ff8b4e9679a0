// validators.ts is reviewed as a diff: one top-level statement a line, and names that do not shift
// when another event changes (ajv numbers validate12, pattern3, ... in the order it meets them).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileValidators, type ValidatorEntry } from '../../packages/cli/src/generate/validators/compile-validators.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

const object = (properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema => ({ type: 'object', properties, ...extra });

const plan: ValidatorEntry[] = [
  { name: 'validateAccountCreatedV1', schema: object({ plan: { enum: ['free', 'pro'] } }) },
  { name: 'validateCheckoutStartedV1', schema: object({ currency: { enum: ['EUR', 'USD'] }, code: { type: 'string', pattern: '^c[0-9]+$' } }) },
  {
    name: 'validateOrderCompletedV1',
    schema: object(
      { at: { type: 'string', format: 'date-time' }, item: { $ref: '#/definitions/item' } },
      // A definition that holds a $ref is not inlined: ajv gives it a function of its own.
      { definitions: { item: object({ next: { $ref: '#/definitions/item' }, sku: { type: 'string', pattern: '^sku-' } }) } },
    ),
  },
  { name: 'validateSignedUpV1', schema: object({ method: { enum: ['email', 'google'] }, email: { type: 'string', format: 'email' } }) },
  { name: 'validateSignedUpV2', schema: object({ method: { enum: ['email', 'google'] }, email: { type: 'string', format: 'email' } }) },
];

const lines = (text: string): string[] => text.split('\n');
// Lines of one that the other lacks: every line of the module is a whole statement, so this is the diff.
const changedLines = (before: string, after: string): { removed: string[]; added: string[] } => ({
  removed: lines(before).filter((line) => !lines(after).includes(line)),
  added: lines(after).filter((line) => !lines(before).includes(line)),
});

describe('the validators module layout', () => {
  const code = compileValidators(plan, { language: 'ts' }).code;

  it('puts every top-level statement on a line of its own', () => {
    const source = ts.createSourceFile('validators.ts', code, ts.ScriptTarget.ES2022, true);
    expect(source.statements.length).toBeGreaterThan(12);
    for (const statement of source.statements) {
      const start = source.getLineAndCharacterOfPosition(statement.getStart(source));
      const end = source.getLineAndCharacterOfPosition(statement.getEnd());
      expect({ statement: statement.getText(source).slice(0, 60), column: start.character, lines: end.line - start.line }).toEqual({
        statement: statement.getText(source).slice(0, 60),
        column: 0,
        lines: 0,
      });
    }
  });

  it('names functions after their first export, helpers after their owner, and constants after their value', () => {
    expect(code).toContain('\nfunction checkOrderCompletedV1$1(data, ');
    expect(code).toContain('\nfunction checkOrderCompletedV1(data, ');
    expect(code).toContain('\nexport const validateSignedUpV2: CompiledValidator = checkSignedUpV1;\n');
    expect(code).toMatch(/\nconst schemaValue_[0-9a-f]{6} = \["free","pro"\];\n/);
    expect(code).toMatch(/\nconst pattern_[0-9a-f]{6} = \/\^sku-\/u;\n/);
    expect(code).not.toMatch(/\b(validate|pattern|func|formats|schemaValue|wrapper)\d+\b/);
  });

  it('regression: a change to one event changes only that event\'s lines, though ajv renumbers everything after it', () => {
    // The event sorted first gains an enum, a pattern, a format and a $ref ajv compiles to a function of its own.
    const changed = plan.map((entry) =>
      entry.name === 'validateAccountCreatedV1'
        ? {
            ...entry,
            schema: object(
              { plan: { enum: ['free', 'pro', 'team'] }, coupon: { type: 'string', pattern: '^[A-Z]{4}$' }, at: { type: 'string', format: 'date' }, owner: { $ref: '#/definitions/user' } },
              { definitions: { user: object({ manager: { $ref: '#/definitions/user' } }) } },
            ),
          }
        : entry,
    );
    const after = compileValidators(changed, { language: 'ts' }).code;
    const { removed, added } = changedLines(code, after);
    // The import gains the new format's helper; the enum constant only this event read goes.
    expect(removed).toEqual([
      expect.stringMatching(/^import \{ formatDateTime, pushError \} from '@plangen\/core[\w/]*';$/),
      expect.stringMatching(/^const schemaValue_[0-9a-f]{6} = \["free","pro"\];$/),
      expect.stringMatching(/^function checkAccountCreatedV1\(data, .*checkAccountCreatedV1\.errors = vErrors;return errors === 0;\}$/),
    ]);
    expect(added.filter((line) => line.startsWith('import '))).toEqual([
      expect.stringMatching(/^import \{ formatDate, formatDateTime, pushError \} from '@plangen\/core[\w/]*';$/),
    ]);
    const newConstants = added.filter((line) => line.startsWith('const '));
    expect(newConstants).toEqual([
      expect.stringMatching(/^const formats_[0-9a-f]{6} = formatDate;$/),
      expect.stringMatching(/^const pattern_[0-9a-f]{6} = \/\^\[A-Z\]\{4\}\$\/u;$/),
      expect.stringMatching(/^const schemaValue_[0-9a-f]{6} = \["free","pro","team"\];$/),
      // ajv reaches the recursive definition through a wrapper object.
      expect.stringMatching(/^const wrapper_[0-9a-f]{6} = \{validate: checkAccountCreatedV1\$1\};$/),
    ]);
    expect(added.filter((line) => !line.startsWith('const ') && !line.startsWith('import '))).toEqual([
      expect.stringMatching(/^function checkAccountCreatedV1\$1\(data, /),
      expect.stringMatching(/^function checkAccountCreatedV1\(data, /),
    ]);
    // What the changed module does is what its schemas say.
    const validators = loadValidators(changed);
    expect(validators['validateAccountCreatedV1']?.({ plan: 'team', coupon: 'ABCD', at: '2024-01-31', owner: { manager: {} } })).toBe(true);
    expect(validators['validateAccountCreatedV1']?.({ coupon: 'abcd' })).toBe(false);
    expect(validators['validateOrderCompletedV1']?.({ item: { next: { sku: 'x' } } })).toBe(false);
  });
});
