// What the pattern rules need to know about a permitted-value pattern. Validity
// is decided by the JavaScript engine with the `u` flag, exactly as ajv compiles
// patterns; structure (anchors, lookahead) comes from the regexpp parser.
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';

export type ParsedPattern = { readonly ok: true; readonly ast: AST.Pattern } | { readonly ok: false; readonly reason: string };

export function parsePattern(pattern: string): ParsedPattern {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    // "Invalid regular expression: /(/u: Unterminated group" -> "Unterminated group"
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '') };
  }
  try {
    return { ok: true, ast: new RegExpParser().parsePattern(pattern, 0, pattern.length, { unicode: true }) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** True when some top-level alternative is anchored at neither end, so it matches anywhere in the value. */
export function hasUnanchoredAlternative(ast: AST.Pattern): boolean {
  if (ast.raw === '') return false;
  return ast.alternatives.some((alternative) => !anchored(alternative, 'start') && !anchored(alternative, 'end'));
}

function anchored(alternative: AST.Alternative, edge: 'start' | 'end'): boolean {
  const element = edge === 'start' ? alternative.elements[0] : alternative.elements.at(-1);
  if (element === undefined) return false;
  if (element.type === 'Assertion') return element.kind === edge;
  if (element.type === 'Group' || element.type === 'CapturingGroup') {
    return element.alternatives.every((inner) => anchored(inner, edge));
  }
  return false;
}

export function usesNegativeLookahead(ast: AST.Pattern): boolean {
  let found = false;
  visitRegExpAST(ast, {
    onAssertionEnter(node) {
      if (node.kind === 'lookahead' && node.negate) found = true;
    },
  });
  return found;
}
