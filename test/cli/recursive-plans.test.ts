// `$ref` recursion is one thing in every command: a recursion through a
// property or an item (a tree of categories) works in generate, inspect, lint,
// diff and validate alike; a cycle that never leaves the value (a -> b -> a)
// is refused at load with the same located error by each of them. Before,
// generate overflowed the stack while inspect, lint and diff accepted the plan.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from './helpers.js';

/** A category tree through `properties` and `items`, two definitions that refer to each other through a property, and the root. */
const RECURSIVE = `name: Shop
events:
  Category Viewed:
    description: A category page was shown.
    schema:
      type: object
      definitions:
        category:
          type: object
          description: A category and its children.
          properties:
            name: { type: string, description: The category name. }
            children: { type: array, description: Subcategories., items: { $ref: "#/definitions/category" } }
            brand: { $ref: "#/definitions/brand", description: The brand. }
          required: [name]
        brand:
          type: object
          description: A brand and the category it belongs to.
          properties:
            home: { $ref: "#/definitions/category", description: Where it is listed. }
      properties:
        category: { $ref: "#/definitions/category", description: The category shown. }
        previous: { $ref: "#", description: The event before this one. }
      required: [category]
`;

const CHANGED = RECURSIVE.replace('required: [name]', 'required: [name, children]');

const CYCLIC = `name: Shop
events:
  Category Viewed:
    schema:
      type: object
      definitions:
        category: { allOf: [{ type: object }, { $ref: "#/definitions/parent" }] }
        parent: { $ref: "#/definitions/category" }
      properties:
        category: { $ref: "#/definitions/category" }
`;

const CYCLE_ERROR =
  'plan.yaml:8:25: $ref cycle in "schema" of event "Category Viewed" that never reaches a property or item: ' +
  '#/definitions/category -> #/definitions/category/allOf/1 -> #/definitions/parent -> #/definitions/category, so checking a value would never end. ' +
  'Make the recursion go through "properties" or "items" (a tree of children), or point one $ref at a schema that is not part of the cycle.\n';

const tree = (depth: number): unknown => (depth === 0 ? { name: 'leaf' } : { name: `level ${depth}`, children: [tree(depth - 1)], brand: { home: { name: 'x' } } });
const track = (properties: unknown) =>
  JSON.stringify({ type: 'track', event: 'Category Viewed', messageId: 'm', properties, context: { protocols: { event_version: 1 } } });

describe('a plan with recursive schemas', () => {
  it('generate writes recursive types and validators', async () => {
    const dir = await project({ 'plan.yaml': RECURSIVE });
    const output = captureOutput();
    expect(await main(['generate', '--plan', 'plan.yaml', '--out', 'sdk'])).toBe(0);
    expect(output.stderr()).toMatch(/^plangen: wrote 2 files to sdk/);
    const index = await readFile(path.join(dir, 'sdk/index.ts'), 'utf8');
    expect(index).toMatch(/ {2}children\?: Category\[\]\n/);
    expect(index).toMatch(/ {2}home\?: Category\n/);
    expect(index).toMatch(/ {2}previous\?: CategoryViewedV1Properties\n/);
    // A documented $ref keeps one type (it was copied under a leaked placeholder name) and its comment.
    expect(index).not.toMatch(/Plangen(Type|Key)\d/);
    expect(index).toContain('   * Where it is listed.\n   */\n  home?: Category\n');
  });

  it('inspect and lint read it', async () => {
    await project({ 'plan.yaml': RECURSIVE });
    const output = captureOutput();
    expect(await main(['inspect', 'plan.yaml'])).toBe(0);
    expect(output.stdout()).toContain('v1: trackCategoryViewedV1(properties: CategoryViewedV1Properties, options?: TrackOptions, callback?: Callback), 2 properties (1 required)');
    expect(await main(['lint', 'plan.yaml'])).toBe(0);
    expect(output.stderr()).toBe('');
  });

  it('diff follows the recursion to the change and ends', async () => {
    await project({ 'plan.yaml': RECURSIVE, 'changed.yaml': CHANGED });
    const output = captureOutput();
    expect(await main(['diff', 'plan.yaml', 'changed.yaml'])).toBe(0);
    expect(output.stdout()).toContain('property "category.children": became required');
    expect(await main(['diff', 'plan.yaml', 'plan.yaml'])).toBe(0);
  });

  it('validate checks a deep tree, and finds the violation deep inside it', async () => {
    await project({ 'plan.yaml': RECURSIVE, 'good.jsonl': `${track({ category: tree(30) })}\n`, 'bad.jsonl': `${track({ category: tree(5), previous: { category: { children: [] } } })}\n` });
    const output = captureOutput();
    expect(await main(['validate', '--plan', 'plan.yaml', 'good.jsonl'])).toBe(0);
    expect(output.stdout()).toContain('  1 valid');
    expect(await main(['validate', '--plan', 'plan.yaml', 'bad.jsonl'])).toBe(1);
    expect(output.stdout()).toContain('  1 with violations');
    expect(output.stdout()).toContain('/previous/category');
  });
});

describe('a plan with a $ref cycle that never leaves the value', () => {
  // validate exits 2 for unusable input (docs/validate.md), the others 1.
  it.each([
    ['generate', ['generate', '--plan', 'plan.yaml', '--out', 'sdk'], 1],
    ['inspect', ['inspect', 'plan.yaml'], 1],
    ['lint', ['lint', 'plan.yaml'], 1],
    ['diff', ['diff', 'plan.yaml', 'plan.yaml'], 1],
    ['validate', ['validate', '--plan', 'plan.yaml', 'events.jsonl'], 2],
  ] as const)('%s refuses it at load with the located error', async (_command, argv, code) => {
    await project({ 'plan.yaml': CYCLIC, 'events.jsonl': `${track({ category: {} })}\n` });
    const output = captureOutput();
    expect(await main([...argv])).toBe(code);
    expect(output.stderr()).toBe(CYCLE_ERROR);
    expect(output.stdout()).toBe('');
  });
});
