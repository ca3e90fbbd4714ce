/** Counts by key, for request and invocation statistics. */
export class Counter {
  private readonly counts = new Map<string, number>();

  add(key: string, amount = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + amount);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Returns the counts as a plain object, keys sorted. */
  toRecord(): Record<string, number> {
    const keys = [...this.counts.keys()].sort();
    return Object.fromEntries(keys.map((key) => [key, this.get(key)]));
  }
}
