import { DurationHistogram } from '../../db/repositories/durationHistogram';

/*
 * A histogram in hundredths of a day answers what sorting every value does:
 * the nearest-rank p90 of the rounded values is the rounded p90.
 */
const DAY_MS = 86_400_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

function bySorting(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const n = sorted.length;
  return { count: n, avgDays: round2(sorted.reduce((a, b) => a + b, 0) / DAY_MS / n), p90Days: round2(sorted[Math.ceil(0.9 * n) - 1]! / DAY_MS) };
}

function histogramOf(ms: number[]) {
  const h = new DurationHistogram();
  for (const v of ms) h.add(v);
  return h;
}

describe('DurationHistogram', () => {
  it('gives nothing for no values', () => {
    expect(new DurationHistogram().stat()).toEqual({ count: 0, avgDays: 0, p90Days: 0 });
  });

  it('takes the ceil(0.9·n)-th smallest value as p90', () => {
    // Ten values of 1..10 days: the 9th smallest is 9 days.
    expect(histogramOf([...Array(10).keys()].map((i) => (i + 1) * DAY_MS)).stat()).toEqual({ count: 10, avgDays: 5.5, p90Days: 9 });
    // Eleven values: ceil(9.9) = 10th smallest.
    expect(histogramOf([...Array(11).keys()].map((i) => (i + 1) * DAY_MS)).stat().p90Days).toBe(10);
  });

  it('rounds values on a half hundredth of a day as the screen does', () => {
    const half = DAY_MS / 200; // 432,000 ms: exactly half a hundredth
    expect(histogramOf([half]).stat()).toEqual(bySorting([half]));
    expect(histogramOf([3 * half, 5 * half, 7 * half]).stat()).toEqual(bySorting([3 * half, 5 * half, 7 * half]));
  });

  it('agrees with sorting for random samples, whole or merged from parts', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rand() * 300);
      const ms = Array.from({ length: n }, () => Math.floor(rand() ** 3 * 40 * DAY_MS));
      expect(histogramOf(ms).stat()).toEqual(bySorting(ms));
      const cut = Math.floor(rand() * n);
      const merged = histogramOf(ms.slice(0, cut));
      merged.merge(histogramOf(ms.slice(cut)));
      expect(merged.stat()).toEqual(bySorting(ms));
    }
  });
});
