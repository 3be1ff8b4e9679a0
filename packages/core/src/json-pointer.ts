// RFC 6901 JSON pointers, the one implementation in plangen: every ValidationError says where the
// problem is with one, and the CLI imports these from `@plangen/core/internal` for everything it
// locates in a plan (schema/json-pointer.ts), so core and CLI cannot escape a key differently.

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

/** `base` + `/token` for each token, escaping the tokens. */
export function childPointer(base: string, ...tokens: readonly (string | number)[]): string {
  return base + formatPointer(tokens);
}

/** Orders pointers token by token, array indexes numerically, so `/items/2` sorts before `/items/10`. */
export function comparePointers(left: string, right: string): number {
  const a = left.split('/');
  const b = right.split('/');
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = compareTokens(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

function compareTokens(a: string, b: string): number {
  if (a === b) return 0;
  if (INDEX.test(a) && INDEX.test(b)) return a.length - b.length || (a < b ? -1 : 1);
  return a < b ? -1 : 1;
}
