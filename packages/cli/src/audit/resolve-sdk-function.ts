// Which SDK function a name stands for, asked of the type checker: through
// import/export aliases and re-exports (`getAliasedSymbol`), namespace imports
// (`sdk.trackX` is the export's own symbol), and the app's own aliases: a
// variable, object property or destructured binding initialized with the SDK
// function. A name is an SDK function only when its declaration is in the SDK folder.
import path from 'node:path';
import { ts } from 'ts-morph';
import type { SdkFunction } from './sdk-functions.js';
import { nameOf } from './scan-file.js';

/** Aliases of aliases are followed this deep; real code needs two or three. */
const MAX_DEPTH = 8;

export interface SdkResolver {
  /** The SDK function `name` refers to, if any. */
  resolve(name: ts.Identifier): SdkFunction | undefined;
  /** True for a file of the SDK folder (its own calls are not the app's). */
  inSdk(fileName: string): boolean;
}

/** An SDK folder (absolute) and the functions generated into it. */
export interface SdkFolder {
  readonly dir: string;
  readonly functions: ReadonlyMap<string, SdkFunction>;
}

export function sdkResolver(checker: ts.TypeChecker, folders: readonly SdkFolder[]): SdkResolver {
  // Deepest first, so an SDK folder inside another one owns its files.
  const prefixed = folders
    .map((folder) => ({ prefix: `${path.resolve(folder.dir).split(path.sep).join('/')}/`, functions: folder.functions }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const folderOf = (fileName: string) => prefixed.find(({ prefix }) => fileName.startsWith(prefix));
  const inSdk = (fileName: string) => folderOf(fileName) !== undefined;

  const fromSymbol = (symbol: ts.Symbol | undefined, depth: number): SdkFunction | undefined => {
    if (symbol === undefined || depth > MAX_DEPTH) return undefined;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of target.declarations ?? []) {
      const folder = folderOf(declaration.getSourceFile().fileName);
      if (folder !== undefined) {
        const found = folder.functions.get(target.name);
        if (found !== undefined) return found;
        continue;
      }
      const found = fromAppDeclaration(declaration, depth);
      if (found !== undefined) return found;
    }
    return undefined;
  };

  // The app's own aliases: `const send = trackX`, `{ order: trackX }`, `{ order }`, `const { trackX: send } = sdk`.
  const fromAppDeclaration = (declaration: ts.Declaration, depth: number): SdkFunction | undefined => {
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer !== undefined) {
      const name = nameOf(declaration.initializer);
      return name !== undefined ? fromSymbol(checker.getSymbolAtLocation(name), depth + 1) : undefined;
    }
    if (ts.isShorthandPropertyAssignment(declaration)) {
      return fromSymbol(checker.getShorthandAssignmentValueSymbol(declaration), depth + 1);
    }
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isIdentifier(key)) return undefined;
      const property = checker.getTypeAtLocation(declaration.parent).getProperty(key.text);
      return fromSymbol(property, depth + 1);
    }
    return undefined;
  };

  // Every call of one imported name has the same symbol: its alias chain is followed once.
  const resolved = new Map<ts.Symbol, SdkFunction | undefined>();
  const resolve = (name: ts.Identifier): SdkFunction | undefined => {
    const symbol = checker.getSymbolAtLocation(name);
    if (symbol === undefined) return undefined;
    if (!resolved.has(symbol)) resolved.set(symbol, fromSymbol(symbol, 0));
    return resolved.get(symbol);
  };
  return { resolve, inSdk };
}
