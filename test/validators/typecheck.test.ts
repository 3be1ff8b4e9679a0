// The generated validators type-check under strict TypeScript, and apps see each
// export as a CompiledValidator (not ajv's looser function type), for ts and for js + d.ts.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileValidators } from '../../packages/cli/src/generate/validators/compile-validators.js';
import { SCHEMA_CASES } from './schema-cases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SDK = `${ROOT}test/validators/__in-memory__/`;
const entries = SCHEMA_CASES.map(({ name, schema }) => ({ name, schema }));

const APP = `import { validateNested, validateTypes } from './validators.js';
import type { CompiledValidator, CompiledValidatorError } from '@plangen/core/runtime';

const checks: CompiledValidator[] = [validateNested, validateTypes];
const valid: boolean = validateNested({ order: { id: 'o1', items: [{ sku: 'a' }] } });
const errors: readonly CompiledValidatorError[] | null | undefined = validateNested.errors;
const first: string | undefined = errors?.[0]?.instancePath;
// @ts-expect-error a CompiledValidator takes the data only
validateTypes({}, { instancePath: '' });
// @ts-expect-error errors are read-only for the app
validateTypes.errors?.push({ instancePath: '', keyword: 'type', params: {} });
export { checks, valid, first };
`;

/** Type-checks in-memory files (plus the real @plangen/core sources) in one program; returns their diagnostics. */
function typeCheck(files: Record<string, string>): string[] {
  const compilerOptions: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    allowJs: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    noEmit: true,
    baseUrl: ROOT,
    paths: { '@plangen/core/runtime': ['packages/core/src/runtime.ts'] },
  };
  const host = ts.createCompilerHost(compilerOptions);
  const inMemory = new Map(Object.entries(files).map(([name, text]) => [`${SDK}${name}`, text]));
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.directoryExists = (directory) => `${directory}/`.startsWith(SDK) || (directoryExists?.call(host, directory) ?? true);
  host.fileExists = (file) => inMemory.has(file) || fileExists.call(host, file);
  host.readFile = (file) => inMemory.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = inMemory.get(file);
    return text === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...inMemory.keys()], compilerOptions, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file === undefined || inMemory.has(diagnostic.file.fileName))
    .map((diagnostic) => `${diagnostic.file?.fileName.slice(SDK.length) ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

const MISUSE = `import { validateTypes, validateMissing } from './validators.js';
const verdict: string = validateTypes({});
export { verdict, validateMissing };
`;

describe('generated validators under strict TypeScript', () => {
  // One program for every case: the compiler is the slow part.
  const typeScript = compileValidators(entries, { language: 'ts' });
  const javaScript = compileValidators(entries, { language: 'js' });
  let diagnostics: string[] = [];
  beforeAll(() => {
    diagnostics = typeCheck({
      'ts/validators.ts': typeScript.code,
      'ts/app.ts': APP,
      'js/validators.js': javaScript.code,
      'js/validators.d.ts': javaScript.declarations ?? '',
      'js/app.ts': APP,
      'misuse/validators.ts': typeScript.code,
      'misuse/app.ts': MISUSE,
    });
  });

  it('validators.ts compiles and gives apps CompiledValidator exports', () => {
    expect(diagnostics.filter((line) => line.startsWith('ts/'))).toEqual([]);
  });

  it('validators.js with validators.d.ts compiles the same app', () => {
    expect(diagnostics.filter((line) => line.startsWith('js/'))).toEqual([]);
  });

  it('catches misuse in app code (the check is not vacuous)', () => {
    expect(diagnostics.filter((line) => line.startsWith('misuse/'))).toEqual([
      `misuse/app.ts: Module '"./validators.js"' has no exported member 'validateMissing'.`,
      `misuse/app.ts: Type 'boolean' is not assignable to type 'string'.`,
    ]);
  });
});
