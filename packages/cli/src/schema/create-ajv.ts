// The one ajv configuration plangen uses: plan checks, precompiled validators and
// `plangen validate` all compile schemas through it, so they agree on every verdict.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { SEGMENT_ANNOTATION_KEYWORDS } from './annotation-keywords.js';
import { metaValidationView } from './meta-validation-view.js';
import { metaSchemaDraft07 } from './precompiled/meta-schema.js';

export { SEGMENT_ANNOTATION_KEYWORDS };

const DRAFT_07 = 'http://json-schema.org/draft-07/schema';
/** Plans also name draft-07 by its https address; ajv only knows the http one. */
const DRAFT_07_HTTPS = 'https://json-schema.org/draft-07/schema#';

export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: true,
    // Payloads are JSON: only own keys are data. Without it a missing `constructor` or `toString`
    // is found on Object.prototype (a required one passes, a typed one fails as "must be string").
    ownProperties: true,
    // ajv's only warning under strict: false is an unknown format, which it prints unlocated; the loader
    // warns about each one at its line and column instead (load/check-json-schemas.ts).
    logger: { log: console.log, warn: () => undefined, error: console.error },
    ...options,
  });
  addFormats.default(ajv);
  // A draft-07 schema that is valid is answered by the precompiled meta-schema check (precompiled/meta-schema.ts),
  // sparing each instance compiling draft-07's meta-schema (~20-45 ms); anything else, or an invalid schema, goes to
  // ajv's own check for its errors and throws. Not for an instance that emits code: what it compiles shapes its names.
  const precompiled = options.code?.source !== true && options.meta === undefined && options.defaultMeta === undefined;
  // getSchema compiles the meta-schema: an instance that checks with the precompiled one reads it as it is, and adds
  // the https copy of ajv's own draft-07 unchecked, so ajv compiles the meta-schema only if a check needs it. So does
  // one that never checks (validateSchema: false, the validators' compiler: stable-layout.ts names its code by content).
  const lazy = precompiled || options.validateSchema === false;
  const draft07 = lazy ? ajv.schemas[DRAFT_07]?.schema : ajv.getSchema(DRAFT_07)?.schema;
  if (typeof draft07 === 'object' && draft07 !== null) {
    if (lazy) ajv.addMetaSchema({ ...draft07, $id: DRAFT_07_HTTPS }, undefined, false);
    else ajv.addMetaSchema({ ...draft07, $id: DRAFT_07_HTTPS });
  }
  // ajv defines `id` itself, to reject draft-04 ids; Segment uses it as a label.
  if (ajv.getKeyword('id')) ajv.removeKeyword('id');
  for (const keyword of SEGMENT_ANNOTATION_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  // Every meta-schema check (validateSchema, and compile's own) sees enum and type lists that ajv's
  // deep-equal can compare: an enum value with a `valueOf` key made it throw (meta-validation-view.ts).
  const validateSchema = ajv.validateSchema.bind(ajv);
  ajv.validateSchema = (schema, throwOrLogError) => {
    const view = metaValidationView(schema);
    if (precompiled && namesDraft07(view) && metaSchemaDraft07(view)) {
      ajv.errors = null;
      return true;
    }
    return validateSchema(view, throwOrLogError);
  };
  return ajv;
}

/** The keys ajv finds draft-07's meta-schema under: its address without a trailing `#` or `#/`, at http and https. */
const DRAFT_07_KEYS = new Set([DRAFT_07, DRAFT_07_HTTPS.replace(/#$/, '')]);

/** Whether ajv checks `schema` against draft-07 (a `"$schema"` naming it, or none: ajv's default). */
function namesDraft07(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const $schema: unknown = (schema as { $schema?: unknown }).$schema;
  return $schema === undefined || $schema === '' || (typeof $schema === 'string' && DRAFT_07_KEYS.has($schema.replace(/#\/?$/, '')));
}
