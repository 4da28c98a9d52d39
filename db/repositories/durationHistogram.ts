/** Calendar days (24 h, as a decimal, 2 places) between entering a step and leaving it; p90 by nearest rank. */
export interface DurationStat { count: number; avgDays: number; p90Days: number }

const DAY_MS = 86_400_000;

/**
 * Durations counted in hundredths of a day, the unit the screen shows, with
 * their exact sum in milliseconds. Rounding keeps order, so the nearest-rank
 * p90 of the counted hundredths is the p90 of the raw values rounded: a
 * histogram answers exactly what sorting every value would.
 */
export class DurationHistogram {
  private readonly counts = new Map<number, number>();
  private n = 0;
  private sumMs = 0;

  /** Distinct hundredths held (the digest's size). */
  get size(): number {
    return this.counts.size;
  }

  add(ms: number): void {
    const k = Math.round((ms / DAY_MS) * 100);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    this.n += 1;
    this.sumMs += ms;
  }

  merge(other: DurationHistogram): void {
    for (const [k, c] of other.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + c);
    this.n += other.n;
    this.sumMs += other.sumMs;
  }

  /** Count, mean and the 90th percentile by nearest rank (the ceil(0.9·n)-th smallest), in days to 2 places. */
  stat(): DurationStat {
    if (this.n === 0) return { count: 0, avgDays: 0, p90Days: 0 };
    const rank = Math.ceil(0.9 * this.n);
    let seen = 0;
    let p90 = 0;
    for (const k of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(k)!;
      if (seen >= rank) {
        p90 = k;
        break;
      }
    }
    return { count: this.n, avgDays: Math.round((this.sumMs / DAY_MS / this.n) * 100) / 100, p90Days: p90 / 100 };
  }
}
