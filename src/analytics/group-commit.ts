/**
 * Group commit: items added while a write is running are written together by the next one, in
 * chunks of at most `maxBatch`. Under load writes batch up naturally; when idle an item is written
 * at once. `add` resolves when the item's write succeeded (or rejects with its error), so a queue
 * consumer acknowledges only what is durable.
 */
export class GroupCommit<T> {
  private pending: { items: T[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {}

  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items: [...items], resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const group: typeof this.pending = [];
        let size = 0;
        while (
          this.pending.length > 0 &&
          (group.length === 0 || size + this.pending[0].items.length <= this.maxBatch)
        ) {
          const next = this.pending.shift()!;
          group.push(next);
          size += next.items.length;
        }
        try {
          const all = group.flatMap((g) => g.items);
          for (let i = 0; i < all.length; i += this.maxBatch)
            await this.write(all.slice(i, i + this.maxBatch));
          for (const g of group) g.resolve();
        } catch (err) {
          for (const g of group) g.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
