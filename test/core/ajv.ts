// Real ajv, compiled the way plangen compiles validators (messages off, all errors), to produce the
// error objects the runtime turns into messages. ajv is a dependency of the CLI package, so it is
// resolved from there.
import { createRequire } from 'node:module';
import type { CompiledValidator } from '@plangen/core/runtime';

interface AjvInstance {
  compile(schema: unknown): CompiledValidator;
}

const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const { default: Ajv } = requireFromCli('ajv') as { default: new (options: Record<string, unknown>) => AjvInstance };
const { default: addFormats } = requireFromCli('ajv-formats') as { default: (ajv: AjvInstance) => unknown };

const ajv = new Ajv({ messages: false, allErrors: true, strict: false });
addFormats(ajv);

export function compile(schema: unknown): CompiledValidator {
  return ajv.compile(schema);
}

/** The errors `schema` finds in `data`, as the compiled validator leaves them. */
export function ajvErrors(schema: unknown, data: unknown): CompiledValidator['errors'] {
  const validate = compile(schema);
  validate(data);
  return validate.errors;
}
