// `--language js`: the formatted index.ts becomes index.js + index.d.ts with the
// TypeScript compiler, in memory. Loaded only when JavaScript is asked for.
import ts from 'typescript';

export function toJavaScript(source: string): { code: string; declarations: string } {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
    declaration: true,
  };
  const code = ts.transpileModule(source, { compilerOptions, fileName: 'index.ts', reportDiagnostics: false }).outputText;
  // Every export of the SDK is explicitly typed, so declarations need no type checking of its imports.
  const declarations = ts.transpileDeclaration(source, { compilerOptions, fileName: 'index.ts', reportDiagnostics: true });
  const errors = declarations.diagnostics ?? [];
  if (errors.length > 0) {
    const message = ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? '', '\n');
    throw new Error(`plangen: cannot emit index.d.ts: ${message}`);
  }
  return { code, declarations: declarations.outputText };
}
