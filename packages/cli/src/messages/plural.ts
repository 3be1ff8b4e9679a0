// Counts in messages and pages: `1 event`, `2 events`. `many` for a plural that is not `one` + s.

/** The count and its noun: `3 versions`. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${nounFor(count, one, many)}`;
}

/** The noun alone, for a count written elsewhere. */
export function nounFor(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
