// RFC 6901 JSON pointers: how every ValidationError says where the problem is.

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `base` + `/key`, escaping the key. */
export function childPointer(base: string, key: string): string {
  return `${base}/${pointerToken(key)}`;
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
