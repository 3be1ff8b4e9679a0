// One markdown file per event, named for people and for every file system:
// lower-case ASCII words joined by `-` (`Order Completed` -> `order-completed.md`),
// never a name Windows reserves, never longer than 80 characters. Names that
// would collide (`Order Completed`, `order_completed`; compared case-insensitively,
// as macOS and Windows do) get `-2`, `-3`, ... in the model's order of events,
// which is sorted by wire name, so the same plan always gives the same names.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_LENGTH = 80;

export function slug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const joined = words.join('-').slice(0, MAX_LENGTH).replace(/-+$/, '');
  if (joined === '') return 'event';
  return WINDOWS_RESERVED.test(joined) ? `${joined}-event` : joined;
}

/** File names (without folder) for events given in the model's order, unique case-insensitively. */
export function eventFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = slug(name);
    for (let suffix = 1; ; suffix += 1) {
      const candidate = suffix === 1 ? base : `${base}-${suffix}`;
      if (taken.has(candidate)) continue;
      taken.add(candidate);
      return `${candidate}.md`;
    }
  });
}
