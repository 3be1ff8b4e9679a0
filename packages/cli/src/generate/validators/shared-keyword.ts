// The keyword that stands in for a shared subschema (shared-subschemas.ts): it calls the shared
// schema's function the way ajv calls a `$ref` it does not inline, and hands the errors to
// @plangen/core's pushSharedErrors, which restates them at this subschema's own schema path.
// A `$ref` would not do: ajv inlines every reference without references of its own, and reports
// the errors of one it calls at the referenced schema's path.
import { _, Name, nil, type Ajv, type KeywordCxt } from 'ajv';
import { callValidateCode } from 'ajv/dist/vocabularies/code.js';
import { PUSH_SHARED_ERRORS, type SharedSchema } from './shared-subschemas.js';

/**
 * Adds `keyword`, which calls the `shared` schemas; each is added and compiled when first called.
 * Returns the keys of those called so far (the set grows as schemas compile).
 */
export function useSharedSubschemas(ajv: Ajv, keyword: string, shared: readonly SharedSchema[]): ReadonlySet<string> {
  const byKey = new Map(shared.map((schema) => [schema.key, schema]));
  const added = new Set<string>();
  const push = new Name(PUSH_SHARED_ERRORS);
  // ajv's own names for the error list and count of the function being generated.
  const vErrors = new Name('vErrors');
  const errors = new Name('errors');
  ajv.addKeyword({
    keyword,
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const { gen, it } = cxt;
      const key = cxt.schema as string;
      const sharedSchema = byKey.get(key);
      if (sharedSchema === undefined) throw new Error(`plangen internal error: no shared schema ${key}.`);
      if (!added.has(key)) {
        ajv.addSchema(sharedSchema.schema, key);
        added.add(key);
      }
      const validate = ajv.getSchema(key);
      if (validate === undefined) throw new Error(`plangen internal error: the shared schema ${key} did not compile.`);
      const shared = gen.scopeValue('validate', { ref: validate });
      cxt.result(callValidateCode(cxt, shared, nil), undefined, () => {
        gen.assign(vErrors, _`${push}(${vErrors}, ${shared}.errors, ${it.errSchemaPath})`);
        gen.assign(errors, _`${vErrors}.length`);
      });
    },
  });
  return added;
}
