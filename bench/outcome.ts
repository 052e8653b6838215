/** What one timed run reports besides its time. */
export interface RunOutcome {
  /** A cost cap stopped the work early, so the time is a lower bound for the full job. */
  capped: boolean;
  /** Said in the table and in results.json, e.g. how far a capped run got. */
  note?: string;
}
