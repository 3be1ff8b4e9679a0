// Checks one generated SDK makes without a compiler run: where plan text went,
// which names it declares, and that the JavaScript output parses.
import ts from 'typescript';
import type { GeneratedFile } from '../../packages/cli/src/generate/options.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { MARKER } from './hostile-text.js';
import { markerLeaks } from './plan-text-in-code.js';

/** Everything wrong with the files, one line each; empty when they are fine. */
export function codeProblems(model: PlanModel, files: readonly GeneratedFile[]): string[] {
  const problems: string[] = [];
  const names = modelNames(model);
  for (const { path, content } of files) {
    for (const leak of markerLeaks(path, content, MARKER)) problems.push(`${path}: plan text in a ${leak.token} token: ${JSON.stringify(leak.excerpt)}`);
    if (/[\u2028\u2029]/.test(content)) problems.push(`${path}: a raw U+2028/U+2029`);
    if (content.includes('require(')) problems.push(`${path}: a require( call`);
    if (path.startsWith('index.') && content.includes('</script')) problems.push(`${path}: a raw </script`);
    if (path.startsWith('index.')) {
      for (const name of declaredNames(path, content)) {
        const known = names.exact.has(name) || names.prefixes.some((prefix) => name.startsWith(prefix)) || names.definitions.has(folded(name.replace(/\d+$/, '')));
        if (!known) problems.push(`${path}: declares ${name}, which is no model identifier`);
      }
    }
    if (path.endsWith('.js')) {
      const { diagnostics = [] } = ts.transpileModule(content, { reportDiagnostics: true, fileName: path, compilerOptions: { allowJs: true } });
      for (const diagnostic of diagnostics) problems.push(`${path}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    }
  }
  return problems;
}

/** A name as json-schema-to-typescript would write it, compared without case: `a/b` and `AB` are both `ab`. */
function folded(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/**
 * The names the model decided; nested types are named after their parent type, and shared definitions
 * (`definitions`, `$defs`) after their key, with a number when taken (json-schema-to-typescript).
 */
function modelNames(model: PlanModel): { exact: Set<string>; prefixes: string[]; definitions: Set<string> } {
  const identifiers = [
    ...model.events.flatMap((event) => [event.identifiers, ...event.versions.map((version) => version.identifiers)]),
    ...[model.identify, model.group, model.page, model.screen].flatMap((call) => (call ? [call.identifiers] : [])),
  ];
  // `runtime` and the spec constants (`trackOrderCompletedV1` -> `TRACK_ORDER_COMPLETED_V1_SPEC`) are the template's own names.
  const specName = (fn: string) => `${fn.replace(/[A-Z]/g, '_$&').toUpperCase()}_SPEC`;
  const exact = new Set(['configure', 'runtime', ...identifiers.flatMap(({ fn, type, validator }) => [fn, specName(fn), type, validator, `${validator}Payload`])]);
  if (model.common) exact.add(model.common.validator);
  const definitions = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'definitions' || key === '$defs') && typeof child === 'object' && child !== null) for (const name of Object.keys(child)) definitions.add(folded(name));
      collect(child);
    }
  };
  collect(model.events.map((event) => event.versions.map((version) => version.properties)));
  collect([model.identify?.traits, model.group?.traits, model.page?.properties, model.screen?.properties]);
  return { exact, prefixes: identifiers.map(({ type }) => type), definitions };
}

/** Top-level declarations (not imports): functions, variables, interfaces, types, classes, enums. */
function declaredNames(path: string, content: string): string[] {
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, false);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}
