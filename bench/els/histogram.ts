// A log-bucketed latency histogram (about 1 % resolution from 1 µs to hours) that workers fill
// cheaply and the coordinator merges: percentiles of millions of samples without keeping them.

const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 2600;

export interface HistogramData {
  /** [bucket, count] pairs of the non-empty buckets. */
  buckets: [number, number][];
  count: number;
  sumUs: number;
  minUs: number;
  maxUs: number;
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sumUs = 0;
  minUs = Infinity;
  maxUs = 0;

  /** Records one latency in microseconds. */
  record(us: number): void {
    const v = us < 1 ? 1 : us;
    let i = Math.floor(Math.log(v) / LOG_GROWTH);
    if (i >= BUCKETS) i = BUCKETS - 1;
    this.counts[i]++;
    this.count++;
    this.sumUs += us;
    if (us < this.minUs) this.minUs = us;
    if (us > this.maxUs) this.maxUs = us;
  }

  merge(data: HistogramData): void {
    for (const [i, n] of data.buckets) this.counts[i] += n;
    this.count += data.count;
    this.sumUs += data.sumUs;
    if (data.count > 0) {
      this.minUs = Math.min(this.minUs, data.minUs);
      this.maxUs = Math.max(this.maxUs, data.maxUs);
    }
  }

  /** The latency (µs) below which `q` (0–1) of the samples fall; the bucket's upper edge, capped by max. */
  quantileUs(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(GROWTH ** (i + 1), this.maxUs);
    }
    return this.maxUs;
  }

  get meanUs(): number {
    return this.count === 0 ? NaN : this.sumUs / this.count;
  }

  toJSON(): HistogramData {
    const buckets: [number, number][] = [];
    for (let i = 0; i < BUCKETS; i++) if (this.counts[i] > 0) buckets.push([i, this.counts[i]]);
    return { buckets, count: this.count, sumUs: this.sumUs, minUs: this.minUs, maxUs: this.maxUs };
  }

  static from(parts: readonly HistogramData[]): Histogram {
    const h = new Histogram();
    for (const p of parts) h.merge(p);
    return h;
  }
}

/** Microseconds on the monotonic clock, comparable between processes of this machine. */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
