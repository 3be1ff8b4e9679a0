// The schemas a plan's load checks passed before, by content, so a rerun or a
// `--watch` save checks again only the schemas whose text changed (issue 15).
// The checks (check-json-schemas.ts) are a pure function of a schema and the
// check options: a schema that passed once passes again. Only a pass without
// warnings is remembered; a failure or a warning is never served from here, so
// every error and warning is the one a full check gives, at the same place.
import { createHash } from 'node:crypto';

/** Keys of schemas known to pass (the command keeps them in its cache: generate/known-keys.ts). */
export interface CheckedSchemas {
  has(key: string): boolean;
  add(key: string): void;
}

/**
 * The key of `schema` under the check `options`: a hash of both as JSON. A plan's data is JSON data (the YAML
 * reader refuses anything JSON cannot spell, such as .inf or !!binary), so equal text means an equal schema.
 */
export function checkedSchemaKey(schema: unknown, options: object): string | undefined {
  const text = JSON.stringify(schema);
  if (typeof text !== 'string') return undefined; // no JSON at all: checked in full
  return createHash('sha256').update(JSON.stringify(options)).update('\n').update(text).digest('hex');
}
