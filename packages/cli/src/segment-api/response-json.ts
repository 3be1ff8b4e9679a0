// A response body is parsed like a plan file: a body that is not JSON, or not
// the shape the endpoint documents, is an error located at line:column of the
// body, so a proxy's HTML page or a changed API reads as what it is.
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { PlanError } from '../errors.js';
import { oneLine } from '../messages/quote.js';

export interface JsonBody {
  readonly value: unknown;
  /** Line and column of the value at a path, for shape errors. */
  at(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

export function parseJsonBody(text: string, where: string): JsonBody {
  let value: unknown;
  try {
    // JSON.parse first: a page of 200 rules is megabytes, and jsonc-parser's tree is only needed to place an error.
    value = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const { line, column } = position(text, first?.offset ?? 0);
    const what = first !== undefined ? printParseErrorCode(first.error) : text.trim() === '' ? 'EmptyBody' : 'InvalidJson';
    throw new PlanError(
      { file: where, line, column },
      `the response is not JSON (${what}): ${oneLine(JSON.stringify(text.slice(0, 60)))}`,
      'Check --api-url: it must be the Segment Public API (https://api.segmentapis.com or https://eu1.api.segmentapis.com)',
    );
  }
  let tree: ReturnType<typeof parseTree> | null = null;
  return {
    value,
    at(path) {
      tree ??= parseTree(text) ?? undefined;
      const node = tree !== undefined ? findNodeAtLocation(tree, [...path]) : undefined;
      return node !== undefined ? position(text, node.offset) : undefined;
    },
  };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A shape error at `path` of the body (or at the body when the path does not exist). */
export function shapeError(body: JsonBody, where: string, path: readonly (string | number)[], problem: string): PlanError {
  // The deepest part of the path that exists in the body locates the error.
  for (let length = path.length; length >= 0; length -= 1) {
    const found = body.at(path.slice(0, length));
    if (found !== undefined) {
      return new PlanError({ file: where, ...found }, `unexpected response: ${problem}`, 'Check --api-url, or report it: the Segment Public API may have changed');
    }
  }
  return new PlanError({ file: where }, `unexpected response: ${problem}`, 'Check --api-url');
}
