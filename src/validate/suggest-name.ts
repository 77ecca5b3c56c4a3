/**
 * "Did you mean …?" for misspelt field names and references: the closest candidate by
 * edit distance, if it is close enough to be a plausible typo.
 */

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `input` (case-insensitive), or undefined when even the closest
 * needs more than a third of the input's length in edits (at least 2 are allowed).
 * Ties go to the earlier candidate so the hint is deterministic.
 */
export function suggestName(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Cheap bound: lengths alone already differ by more than the limit.
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** A hint sentence for an unknown name: the suggestion, or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const suggestion = suggestName(input, candidates);
  return suggestion === undefined || suggestion === input ? undefined : `did you mean '${suggestion}'?`;
}
