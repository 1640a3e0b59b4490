/** Latencies and errors by kind of route, and memory samples, as the soak collects them. */
export class SoakStats {
  readonly latencies = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  /** A few of the errors, to say what went wrong. */
  readonly examples: string[] = [];
  /** RSS when sampled; the heap after GC arrives later from the probe, as its `heapIndex`-th answer. */
  readonly memory: { atSeconds: number; rssMb: number; heapIndex: number }[] = [];

  record(kind: string, ms: number, error?: string): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    if (error) this.error(kind, error);
  }

  error(kind: string, message: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.examples.length < 10) this.examples.push(`${kind}: ${message.slice(0, 200)}`);
  }

  get requestCount(): number {
    return [...this.latencies.values()].reduce((sum, list) => sum + list.length, 0);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((sum, count) => sum + count, 0);
  }
}

/** The value below which `fraction` of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** Least-squares slope (per x unit) and r² of y over x. */
export function linearTrend(points: { x: number; y: number }[]): { slope: number; r2: number } {
  const n = points.length;
  if (n < 2) return { slope: 0, r2: 0 };
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, r2: sxx === 0 || syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}
