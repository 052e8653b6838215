/** Records grouped by their article URL, each group in input order (export and import both walk per article). */
export function groupByUrl<T extends { url: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.url);
    if (group) group.push(record);
    else groups.set(record.url, [record]);
  }
  return groups;
}
