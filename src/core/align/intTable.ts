/**
 * A fixed-capacity hash table from non-negative int32 keys to int32 values, in two typed arrays (open addressing,
 * linear probing). The candidate index inserts one entry per distinct word and word pair of every unmatched
 * paragraph; a JS Map spends most of that time growing and rehashing, this table is sized once.
 */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  /** Room for `capacity` keys (the table keeps itself at most half full). */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  private slot(key: number): number {
    let at = Math.imul(key, 0x9e3779b1) >>> 0;
    at = (at ^ (at >>> 15)) & this.mask;
    while (this.keys[at] !== -1 && this.keys[at] !== key) at = (at + 1) & this.mask;
    return at;
  }

  /** The value for `key`, or -1. */
  get(key: number): number {
    const at = this.slot(key);
    return this.keys[at] === key ? this.values[at]! : -1;
  }

  set(key: number, value: number): void {
    const at = this.slot(key);
    this.keys[at] = key;
    this.values[at] = value;
  }
}
