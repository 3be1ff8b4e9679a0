// Whether a plan's regular expression compiles as ajv compiles it: ajv runs
// `new RegExp(pattern, 'u')` for `pattern` and `patternProperties` keys. Its own
// module, without the ReDoS analysers, so the validator worker loads only this.

/**
 * The engine's complaint about `pattern` compiled as ajv compiles it, without the
 * "Invalid regular expression: " prefix (`/(/u: Unterminated group`); undefined when it compiles.
 */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '');
  }
}
