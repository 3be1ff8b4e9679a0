// "Did you mean --check?": the known name nearest to a mistyped one, by edit
// distance, or one that the typed name starts with (`--output` for `--out`).

/** The best candidate within two edits (one for names of up to three letters), or undefined. */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  // Single letters (`-h`) are one edit from every other letter: never suggested, and never given a suggestion.
  if (typed.length < 2) return undefined;
  const limit = typed.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  // Sorted, so ties always resolve to the same suggestion.
  for (const candidate of [...candidates].filter((name) => name.length > 1).sort()) {
    const distance = editDistance(typed, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? [...candidates].sort().find((candidate) => candidate.length >= 3 && typed.startsWith(candidate));
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(substitution, previous[j]! + 1, row[j - 1]! + 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
