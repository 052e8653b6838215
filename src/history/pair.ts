/** Which two versions the history page compares first: the newest against the one before it. */
export interface VersionPair {
  older: number;
  newer: number;
}

export function defaultPair(count: number): VersionPair {
  return { older: Math.max(0, count - 2), newer: Math.max(0, count - 1) };
}

/** The pair showing versions `from` and `to` (by stored id), or the default when either is gone. */
export function pairOf(
  ids: readonly (number | undefined)[],
  compare?: { from: number; to: number },
): VersionPair {
  const older = compare ? ids.indexOf(compare.from) : -1;
  const newer = compare ? ids.indexOf(compare.to) : -1;
  return older >= 0 && newer >= 0 ? { older, newer } : defaultPair(ids.length);
}
