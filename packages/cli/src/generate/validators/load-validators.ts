// The validators of compileValidators' `js` output, evaluated in this process, so
// `plangen validate`, tests and fuzzing judge payloads with the very code an SDK ships.
import type { CompiledValidator } from '@plangen/core/runtime';
import * as core from '@plangen/core/runtime';
import type { ValidatorEntry } from './build-validator-module.js';
import { buildValidatorModule } from './compile-validators.js';
import { javaScriptPrefix, javaScriptSuffix, renderValidators } from './render-validators.js';

export function loadValidators(entries: readonly ValidatorEntry[]): Record<string, CompiledValidator> {
  const module = buildValidatorModule(entries);
  const { code } = renderValidators(module, { language: 'js' });
  const prefix = javaScriptPrefix(module);
  const suffix = javaScriptSuffix(module);
  if (!code.startsWith(prefix) || !code.endsWith(suffix)) throw new Error('plangen internal error: unexpected layout of the generated validators.');
  // The import becomes a parameter and the exports a returned array; the code between runs as emitted.
  const body = code.slice(prefix.length, code.length - suffix.length);
  const evaluate = new Function(
    'runtime',
    `"use strict";const { ${module.imports.join(', ')} } = runtime;${body}\nreturn [${module.exports.map(({ local }) => local).join(', ')}];`,
  ) as (runtime: Readonly<Record<string, unknown>>) => CompiledValidator[];
  const validators = evaluate(runtimeExports(module.imports));
  return Object.fromEntries(module.exports.map(({ name }, index) => [name, validators[index] as CompiledValidator]));
}

function runtimeExports(names: readonly string[]): Readonly<Record<string, unknown>> {
  const available = core as Readonly<Record<string, unknown>>;
  const runtime: Record<string, unknown> = {};
  for (const name of names) {
    if (available[name] === undefined) throw new Error(`plangen internal error: @plangen/core/runtime does not export ${name}, which the validators need.`);
    runtime[name] = available[name];
  }
  return runtime;
}
