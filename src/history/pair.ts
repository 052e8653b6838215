/** Which two versions the history page compares first: the newest against the one before it. */
export interface VersionPair {
  older: number;
  newer: number;
}

export function defaultPair(count: number): VersionPair {
  return { older: Math.max(0, count - 2), newer: Math.max(0, count - 1) };
}
