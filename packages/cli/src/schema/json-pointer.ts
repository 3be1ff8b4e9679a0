// RFC 6901 JSON pointers: the one escaping of reference tokens in the CLI
// (`~` <-> `~0`, `/` <-> `~1`). `@plangen/core` keeps its own two-line copy
// (`packages/core/src/json-pointer.ts`) because core ships to apps and must not
// depend on the CLI; both are tested against the same cases.

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1` (in that order, so `~1` in a key stays `~01`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Undoes escapePointerToken: `~1` first, then `~0`, so `~01` becomes `~1`, not `/`. */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/a~1b/0` -> `['a/b', '0']`; `''` (the whole document) -> `[]`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** `['a/b', 0]` -> `/a~1b/0`. */
export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** `base` + `/token`, escaping the token. */
export function childPointer(base: string, ...tokens: readonly (string | number)[]): string {
  return base + formatPointer(tokens);
}
