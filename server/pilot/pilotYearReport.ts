import type { Knex } from 'knex';
import { countTimerEvents, type GeneratedCase } from '../../db/repositories/pilotYear';
import { AppError } from '../errors';

/** Delivered without a visit: by post or electronically, with its e-licence issued. */
export function isDelivered(c: GeneratedCase): boolean {
  return (c.state === 'delivered' || c.state === 'completed') && c.licences > 0 && (c.deliveryMode === 'post' || c.deliveryMode === 'electronic');
}

export interface PilotPlan {
  /** Delivered cases the year already holds. */
  delivered: number;
  /** Cases an interrupted run left with a step still the generator's to take. */
  resume: GeneratedCase[];
  /** New cases to file. */
  toFile: number;
}

/**
 * What a run adds to reach `count` delivered cases: nothing when the year
 * holds them already; otherwise it finishes what an interrupted run left
 * on its way and files the rest. A year already holding more cases, delivered
 * or on their way, than `count` is refused: nothing is removed.
 */
export function pilotPlan(before: GeneratedCase[], count: number): PilotPlan {
  const delivered = before.filter(isDelivered).length;
  if (delivered >= count) return { delivered, resume: [], toFile: 0 };
  // A posted licence still waits for its receipt; an electronic one is completed by the scheduler.
  const resume = before.filter((c) => !c.closed && !(c.state === 'delivered' && c.deliveryMode === 'electronic'));
  const onTheWay = resume.filter((c) => !isDelivered(c)).length;
  if (delivered + onTheWay > count) {
    throw new AppError('PILOT_YEAR_OVER_COUNT', 409, `the year already holds ${delivered} delivered and ${onTheWay} unfinished generated pilot cases, more than --count ${count}: use a larger --count, another --year, or a fresh database`, {
      delivered,
      onTheWay,
      count,
    });
  }
  return { delivered, resume, toFile: count - delivered - onTheWay };
}

export interface PilotYearReport {
  year: number;
  /** Delivered cases asked for. */
  count: number;
  /** The year after the run: generated pilot cases, delivered ones, their e-licences. */
  cases: number;
  delivered: number;
  licences: number;
  /** Delivered cases by department and by delivery mode. */
  byDepartment: Record<string, number>;
  byMode: Record<string, number>;
  /** Delivered cases the year held before the run. */
  alreadyDelivered: number;
  /** This run: cases filed, cases of an interrupted run finished, commands sent (filings and steps), timers the scheduler fired on them. */
  filed: number;
  resumed: number;
  commands: number;
  timersFired: Record<string, number>;
  seconds: number;
  /** The case numbers this run filed or finished. */
  caseNos: string[];
}

const countBy = <T>(list: T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
};

export async function summarise(
  knex: Knex,
  r: { opts: { year: number; count: number }; before: GeneratedCase[]; after: GeneratedCase[]; run: string[]; transitions: number; t0: number },
): Promise<PilotYearReport> {
  const delivered = r.after.filter(isDelivered);
  const inRun = new Set(r.run);
  const runIds = r.after.filter((c) => inRun.has(c.caseNo)).map((c) => c.id);
  const known = new Set(r.before.map((c) => c.caseNo));
  return {
    year: r.opts.year,
    count: r.opts.count,
    cases: r.after.length,
    delivered: delivered.length,
    licences: r.after.reduce((n, c) => n + c.licences, 0),
    byDepartment: countBy(delivered, (c) => c.department),
    byMode: countBy(delivered, (c) => c.deliveryMode),
    alreadyDelivered: r.before.filter(isDelivered).length,
    filed: r.run.filter((n) => !known.has(n)).length,
    resumed: r.run.filter((n) => known.has(n)).length,
    commands: r.transitions,
    timersFired: await countTimerEvents(knex, runIds),
    seconds: Math.round((performance.now() - r.t0) / 100) / 10,
    caseNos: r.run,
  };
}
