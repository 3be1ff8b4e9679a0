// The generated validators type-check under strict TypeScript, and apps see each
// export as a CompiledValidator (not ajv's looser function type), for ts and for js + d.ts.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileValidators } from '../../packages/cli/src/generate/validators/compile-validators.js';
import { SCHEMA_CASES } from './schema-cases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SDK = `${ROOT}test/validators/__in-memory__/`;
const entries = SCHEMA_CASES.map(({ name, schema }) => ({ name, schema }));

const APP = `import { validateNested, validateTypes } from './validators.js';
import type { CompiledValidator, CompiledValidatorError } from '@plangen/core';

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

/** Type-checks in-memory files (plus the real @plangen/core sources) and returns the diagnostics of those files. */
function typeCheck(files: Record<string, string>, options: ts.CompilerOptions = {}): string[] {
  const compilerOptions: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    noEmit: true,
    baseUrl: ROOT,
    paths: { '@plangen/core': ['packages/core/src/index.ts'] },
    ...options,
  };
  const host = ts.createCompilerHost(compilerOptions);
  const inMemory = new Map(Object.entries(files).map(([name, text]) => [`${SDK}${name}`, text]));
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.directoryExists = (directory) => `${directory}/` === SDK || (directoryExists?.call(host, directory) ?? true);
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

describe('generated validators under strict TypeScript', () => {
  it('validators.ts compiles and gives apps CompiledValidator exports', () => {
    const { code } = compileValidators(entries, { language: 'ts' });
    expect(typeCheck({ 'validators.ts': code, 'app.ts': APP })).toEqual([]);
  });

  it('validators.js with validators.d.ts compiles the same app', () => {
    const { code, declarations } = compileValidators(entries, { language: 'js' });
    expect(typeCheck({ 'validators.js': code, 'validators.d.ts': declarations ?? '', 'app.ts': APP }, { allowJs: true })).toEqual([]);
  });

  it('catches misuse in app code (the check is not vacuous)', () => {
    const { code } = compileValidators(entries, { language: 'ts' });
    const misuse = `import { validateTypes, validateMissing } from './validators.js';\nconst verdict: string = validateTypes({});\nexport { verdict, validateMissing };\n`;
    expect(typeCheck({ 'validators.ts': code, 'app.ts': misuse })).toEqual([
      `app.ts: Module '"./validators.js"' has no exported member 'validateMissing'.`,
      `app.ts: Type 'boolean' is not assignable to type 'string'.`,
    ]);
  });
});
