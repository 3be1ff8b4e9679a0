// analytics-next adds Segment's standard page properties to every page call, so
// a native plan's page and screen schemas let them through, typed, by default.
import { describe, expect, it } from 'vitest';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

const PAGE_PLAN = `name: Shop
page:
  properties:
    path: { type: string, required: true }
    section: { type: string }
screen:
  properties:
    section: { type: string }
`;

/** What analytics-next sends for `analytics.page('Docs', 'Setup', { section: 'guides' })` on a page with no referrer. */
const ANALYTICS_NEXT_PAGE = {
  category: 'Docs',
  name: 'Setup',
  path: '/docs/setup',
  referrer: '',
  search: '?q=install',
  title: 'Setup – Shop docs',
  url: 'https://shop.example/docs/setup?q=install',
  section: 'guides',
};

describe('standard page properties', () => {
  it('are added to a native page schema as optional typed properties, after the plan\'s own ones', () => {
    const { page, screen } = loadPlanText(PAGE_PLAN, 'plan.yaml').model;
    expect(Object.keys(page!.properties.properties!)).toEqual(['path', 'section', 'category', 'name', 'keywords', 'referrer', 'search', 'title', 'url']);
    expect(page!.properties.required).toEqual(['path']);
    expect(page!.properties.additionalProperties).toBe(false);
    expect(page!.properties.properties!['path']).toEqual({ type: 'string' });
    expect(page!.properties.properties!['category']).toEqual({ type: ['string', 'null'], description: 'Category of the page (standard Segment property).' });
    expect(page!.properties.properties!['keywords']).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(Object.keys(screen!.properties.properties!)).toEqual(['section', 'category', 'name']);
  });

  it('let a real analytics-next page call pass, and still check their types and unknown properties', () => {
    const { page } = loadPlanText(PAGE_PLAN, 'plan.yaml').model;
    const validators = loadValidators([{ name: page!.identifiers.validator, schema: page!.properties }]);
    const validate = validators[page!.identifiers.validator]!;
    expect(validate(ANALYTICS_NEXT_PAGE)).toBe(true);
    expect(validate({ ...ANALYTICS_NEXT_PAGE, category: null, name: null, referrer: null })).toBe(true);
    expect(validate({ ...ANALYTICS_NEXT_PAGE, title: 42 })).toBe(false);
    expect(validate({ ...ANALYTICS_NEXT_PAGE, tracking_id: 'x' })).toBe(false);
  });

  it('are not added to Segment-format plans, whose rules are what Protocols enforces', () => {
    const properties = { type: 'object', properties: { path: { type: 'string' } }, additionalProperties: false };
    const plan = {
      name: 'Shop',
      rules: [{ key: 'page', type: 'PAGE', version: 1, jsonSchema: { type: 'object', properties: { properties } } }],
    };
    const { model } = loadPlanText(JSON.stringify(plan), 'plan.json');
    expect(model.format).toBe('segment-public-api');
    expect(Object.keys(model.page?.properties.properties ?? {})).toEqual(['path']);
  });
});
