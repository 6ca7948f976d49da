import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSIGHTS_FILE, readText, writeAtomicallySync } from './edge-files';

// The edge's insights on their way upstream (docs/relay-proxies.md#edge-role): one line per
// accepted /api/public/insight/track body (or end user seen on a stream), appended to a file in
// EDGE_DATA_DIR as it arrives, so a restart loses nothing; the file is rewritten without the lines
// the upstream took. Bounded: past the byte limit the oldest lines are dropped and counted.

export interface BufferedInsight {
  envId: string;
  /** The SDK's items ({user, variations, metrics}), forwarded as they were accepted. */
  items: unknown[];
}

export class EdgeInsightBuffer {
  private lines: string[] = [];
  private bytes = 0;
  /** Lines dropped because the buffer was full (since start). */
  dropped = 0;
  private readonly path: string;

  constructor(
    dir: string,
    private readonly maxBytes: number,
  ) {
    this.path = join(dir, INSIGHTS_FILE);
    const text = readText(this.path);
    if (text !== null) for (const line of text.split('\n')) if (line.trim() !== '') this.keep(line);
  }

  get size(): number {
    return this.lines.length;
  }

  add(entry: BufferedInsight): void {
    const line = JSON.stringify(entry);
    appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
    this.keep(line);
  }

  /** The oldest `max` entries (unparseable lines come back as null: the caller drops them). */
  peek(max: number): (BufferedInsight | null)[] {
    return this.lines.slice(0, max).map((line) => {
      try {
        const value = JSON.parse(line) as Partial<BufferedInsight>;
        return typeof value.envId === 'string' && Array.isArray(value.items)
          ? { envId: value.envId, items: value.items }
          : null;
      } catch {
        return null;
      }
    });
  }

  /** Forgets the oldest `count` entries and rewrites the file without them. */
  remove(count: number): void {
    const gone = this.lines.splice(0, count);
    for (const line of gone) this.bytes -= line.length + 1;
    this.rewrite();
  }

  /** Synchronous, so that no line appended meanwhile is lost by the rename. */
  rewrite(): void {
    writeAtomicallySync(this.path, this.lines.map((l) => `${l}\n`).join(''));
  }

  private keep(line: string): void {
    this.lines.push(line);
    this.bytes += line.length + 1;
    while (this.bytes > this.maxBytes && this.lines.length > 1) {
      const oldest = this.lines.shift() as string;
      this.bytes -= oldest.length + 1;
      this.dropped++;
    }
  }
}
