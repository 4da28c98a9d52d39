/** Latency summary in milliseconds. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: s.length,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    max: round(s[s.length - 1] ?? 0),
    mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

/** Runs `worker` for each index with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, worker: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await worker(next++);
  });
  await Promise.all(lanes);
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of a few figures with their spread (min–max). */
export function spread(xs: number[]): { median: number; min: number; max: number; values: number[] } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: +median.toFixed(3), min: s[0] ?? 0, max: s[s.length - 1] ?? 0, values: xs };
}

/** Runs `f`, adds its time in milliseconds to `samples` and returns its answer. */
export async function timed<T>(samples: number[], f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await f();
  samples.push(performance.now() - t);
  return out;
}
