// Where plan text landed in generated code: every occurrence of the marker must
// sit inside one string literal (no template literals: `${` there would run) or
// one comment. Found with the TypeScript parser, so a comment closed early or a
// string broken open shows up as marker text in a code token.
import ts from 'typescript';

export interface Leak {
  readonly offset: number;
  /** The token the marker was found in, and its name for messages. */
  readonly kind: ts.SyntaxKind;
  readonly token: string;
  readonly excerpt: string;
}

const SAFE_TOKENS = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral]);

export function markerLeaks(fileName: string, code: string, marker: string): Leak[] {
  const offsets: number[] = [];
  for (let at = code.indexOf(marker); at !== -1; at = code.indexOf(marker, at + 1)) offsets.push(at);
  if (offsets.length === 0) return [];
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const tokens: { start: number; end: number; kind: ts.SyntaxKind; inDoc: boolean }[] = [];
  const visit = (node: ts.Node, inDoc: boolean): void => {
    const doc = inDoc || (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode);
    const children = node.getChildren(source);
    if (children.length === 0) tokens.push({ start: node.getStart(source, true), end: node.end, kind: node.kind, inDoc: doc });
    for (const child of children) visit(child, doc);
  };
  visit(source, false);
  const leaks: Leak[] = [];
  for (const offset of offsets) {
    // Outside every token is trivia: whitespace and comments.
    const token = tokens.find(({ start, end }) => start <= offset && offset < end);
    if (token === undefined || token.inDoc) continue;
    if (SAFE_TOKENS.has(token.kind) && offset + marker.length <= token.end) continue;
    leaks.push({ offset, kind: token.kind, token: ts.SyntaxKind[token.kind], excerpt: code.slice(Math.max(0, offset - 60), offset + 60) });
  }
  return leaks;
}
