/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an argument, and past
 * roughly 10⁵ arguments (engine-dependent) that throws `RangeError: Maximum call stack size exceeded`; a page,
 * an article's visits or an import can be that large.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
