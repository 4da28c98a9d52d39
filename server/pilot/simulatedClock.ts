/**
 * The clock the pilot-year generator moves by hand: AppContext's `now` reads
 * it, so every filing, event, deadline, e-licence date and timer falls on the
 * simulated day (tests pass one to their server the same way).
 */
export class SimulatedClock {
  constructor(public t: number = Date.now()) {}

  readonly now = (): Date => new Date(this.t);

  /** Sets the clock to a time of day (China time) on a calendar date: at('2016-03-01', '09:30'). */
  at(day: string, hhmm: string): void {
    this.t = Date.parse(`${day}T${hhmm}:00+08:00`);
  }
}

/** A small seeded PRNG (mulberry32): the same seed, the same year. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
