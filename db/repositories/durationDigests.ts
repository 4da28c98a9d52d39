import type { Knex } from 'knex';
import { addCalendarDays, chinaDate } from '../../workflows/calendar';
import { DurationHistogram } from './durationHistogram';
import { closedDayRevision, storedDurations, unpublishedDurations, type DurationRow } from './stepDurations';

/**
 * The dashboard's step durations without reading a month of rows per request.
 * A closed day's durations do not change (bar the rare late arrival, which
 * bumps the closed-day revision: stepDurations.ts), so each process keeps a
 * digest per (scope, closed day): one histogram per step, in the hundredths of
 * a day the screen shows, with the exact sum. A request reads the revision,
 * the digests it lacks, today's rows and the unpublished tail, all in one
 * snapshot; histograms give the same count, mean and nearest-rank p90 as the
 * sorted values would (rounding is monotonic), so the numbers are exact.
 */

type Key = `${string}|${string}|${string}`;
export type Histograms = Map<Key, DurationHistogram>;

/**
 * A day counts as closed 10 minutes after its midnight: a publisher whose
 * clock runs behind (another host) still sees it as today and would not bump
 * the revision for it.
 */
const CLOSING_MS = 10 * 60_000;
/** Past this many entries in all digests, the cache starts again (memory stays bounded whatever scopes are viewed). */
const MAX_ENTRIES = 500_000;

const keyOf = (r: Pick<DurationRow, 'kind' | 'level' | 'state'>): Key => `${r.kind}|${r.level}|${r.state}`;

function addTo(h: Histograms, r: DurationRow): void {
  const k = keyOf(r);
  (h.get(k) ?? h.set(k, new DurationHistogram()).get(k)!).add(r.ms);
}

export class DurationDigests {
  private readonly days = new Map<string, Histograms>();
  private revision = -1;
  private lastClosed = '';
  private entries = 0;

  /** Histograms of the steps and stays ended under `path` from `fromDay` to today (a clock set back leaves later days out). */
  async since(db: Knex, path: string, fromDay: string, now: Date): Promise<Histograms> {
    const today = chinaDate(now);
    const closedThrough = addCalendarDays(chinaDate(new Date(now.getTime() - CLOSING_MS)), -1);
    return db.transaction(async (trx) => {
      const revision = await closedDayRevision(trx);
      // A clock set back (tests, a corrected host) could reopen days: start again, as for a new revision.
      if (revision > this.revision || closedThrough < this.lastClosed) this.reset(revision);
      this.lastClosed = closedThrough;
      // A snapshot older than the digests (a revision came meanwhile) must not mix with them.
      const cached = revision === this.revision;
      const out: Histograms = new Map();
      const merge = (h: Histograms) => {
        for (const [k, v] of h) (out.get(k) ?? out.set(k, new DurationHistogram()).get(k)!).merge(v);
      };
      const missing: string[] = [];
      for (let d = fromDay; d <= closedThrough; d = addCalendarDays(d, 1)) {
        const digest = cached ? this.days.get(`${path}|${d}`) : undefined;
        if (digest) merge(digest);
        else missing.push(d);
      }
      if (missing.length) {
        const byDay = new Map<string, Histograms>(missing.map((d) => [d, new Map()]));
        for (const r of await storedDurations(trx, path, missing[0]!, missing.at(-1)!)) {
          const h = byDay.get(r.day);
          if (h) addTo(h, r);
        }
        for (const [d, h] of byDay) {
          merge(h);
          if (cached) this.keep(`${path}|${d}`, h);
        }
      }
      // Today (and a day not yet closed): stored rows, then events not yet published.
      const firstOpen = addCalendarDays(closedThrough, 1);
      const open = firstOpen > fromDay ? firstOpen : fromDay;
      const tail: Histograms = new Map();
      for (const r of await storedDurations(trx, path, open, today)) addTo(tail, r);
      for (const r of await unpublishedDurations(trx, path)) if (r.day >= fromDay && r.day <= today) addTo(tail, r);
      merge(tail);
      return out;
    });
  }

  private reset(revision: number): void {
    this.days.clear();
    this.entries = 0;
    this.revision = revision;
  }

  private keep(key: string, h: Histograms): void {
    if (this.entries > MAX_ENTRIES) this.reset(this.revision);
    this.days.set(key, h);
    for (const v of h.values()) this.entries += v.size;
  }
}

/** One set of digests per database handle (each server process has one). */
const perDatabase = new WeakMap<Knex, DurationDigests>();

export function durationDigestsOf(db: Knex): DurationDigests {
  return perDatabase.get(db) ?? perDatabase.set(db, new DurationDigests()).get(db)!;
}
