// analytics-next adds Segment's standard page properties (`path`, `referrer`,
// `search`, `title`, `url`, and `category`/`name` when given) to every page
// call, and mobile libraries send `name`/`category` with screen calls. A native
// plan's page or screen schema that closes additionalProperties would refuse
// every real call, so these properties are added as optional typed properties
// wherever the plan does not define them itself. Segment-format plans are left
// as written: their rules are what Protocols enforces.
import type { JsonSchema } from './types.js';

const NAME_AND_CATEGORY: Readonly<Record<string, JsonSchema>> = {
  category: { type: ['string', 'null'], description: 'Category of the page (standard Segment property).' },
  name: { type: ['string', 'null'], description: 'Name of the page (standard Segment property).' },
};

const STANDARD: Readonly<Record<'page' | 'screen', Readonly<Record<string, JsonSchema>>>> = {
  page: {
    ...NAME_AND_CATEGORY,
    keywords: { type: 'array', items: { type: 'string' }, description: 'Keywords of the page content (standard Segment property).' },
    path: { type: 'string', description: 'Path of the page URL, such as `/docs` (standard Segment property).' },
    referrer: { type: ['string', 'null'], description: 'Full URL of the previous page (standard Segment property).' },
    search: { type: 'string', description: 'Query string of the page URL, such as `?q=shoes` (standard Segment property).' },
    title: { type: 'string', description: 'Title of the page (standard Segment property).' },
    url: { type: 'string', description: 'Full URL of the page (standard Segment property).' },
  },
  screen: NAME_AND_CATEGORY,
};

/** The schema with each standard property it does not define added, optional; a schema that is not an object schema is kept. */
export function withStandardPageProperties(kind: 'page' | 'screen', schema: JsonSchema): JsonSchema {
  const isObjectSchema = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
  if (!isObjectSchema) return schema;
  const defined = schema.properties ?? {};
  const missing = Object.entries(STANDARD[kind]).filter(([name]) => !Object.hasOwn(defined, name));
  if (missing.length === 0) return schema;
  return { ...schema, properties: { ...defined, ...Object.fromEntries(missing) } };
}
