/** Run-time shape checks shared by the message protocols: a message is untrusted until checked. */

/** A plain object (not null, not an array) whose fields can be checked one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
