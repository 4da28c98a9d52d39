/**
 * The online licence pilot's year (证照网上办理一条龙: 4 departments, 22
 * items, 6,043 licences issued and delivered without the applicant coming
 * in), generated through the one command path on a simulated clock: cases of
 * the pilot items filed online over the year's working days, each moved one
 * step a working day (the same day when waiting would turn a light yellow) by
 * the desk it waits at, issued (its e-licence written in
 * the ISSUE's transaction) and delivered by post or electronically; each
 * morning the real scheduler fires the timers that fell due (an electronic
 * delivery's auto-completion, lights), each evening the day's events are
 * published into the supervisors' read models. Adds only what is missing.
 */
import { findCaseByNo, type CaseRow } from '../../db/repositories/cases';
import { publishBatch } from '../../db/repositories/outbox';
import { countOtherDueTimers, findGeneratedCases, findPilotItems, findStaffedCentres } from '../../db/repositories/pilotYear';
import { dbTime, fromDbTime } from '../../db/connection';
import { addCalendarDays, chinaDate } from '../../workflows/calendar';
import { isCentreLevel } from '../../workflows/levels';
import type { Actor } from '../auth/actor';
import { fileCase } from '../commands/fileCase';
import { transitionCase } from '../commands/transitionCase';
import { withRetry } from '../commands/writeHelpers';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { Scheduler } from '../scheduler';
import { PilotApplicants } from './pilotApplicants';
import { PilotDesks, pilotNotReady } from './pilotDesks';
import { nextPilotStep, POST_TRANSIT_DAYS } from './pilotSteps';
import { pilotPlan, summarise, type PilotYearReport } from './pilotYearReport';
import { seededRandom, type SimulatedClock } from './simulatedClock';

/** The name the generated filings are submitted under (the online channel): how a later run knows them. */
export const PILOT_SUBMITTER = '网上申报（证照网上办理一条龙）';
/** Working days at the end of the year without new filings, so the last cases are delivered within it. */
const TAIL_DAYS = 10;
/**
 * Filings come in early in the morning; the desks work in waves through the
 * day (China time): a case's ordinary step in one of the morning waves, an
 * urgent one (see `urgent`) in the next wave after its last.
 */
const FILING_SLOTS = ['08:30', '08:40', '08:50', '09:00', '09:10', '09:20'];
const WAVES = ['09:30', '10:30', '11:30', '14:30', '15:30', '16:30'];
const MORNING_WAVES = 3;

export interface PilotYearOptions {
  /** Delivered cases the year is to hold. */
  count: number;
  year: number;
  /** Commands in flight at once (group commit batches them). */
  concurrency?: number;
  /** After each month of the simulated year: cases this run filed so far, cases on their way, commands sent. */
  onProgress?: (p: { month: string; filed: number; onTheWay: number; commands: number; seconds: number }) => void;
}

interface Tracked {
  row: CaseRow;
  /** The China date, and the wave of that day, from which it next moves. */
  readyOn: string;
  wave: number;
  failures: number;
}

/**
 * The desks keep their lights green: a case whose step (or promise) would
 * turn yellow by the next working morning is worked in a later wave the same
 * day; any other waits for the next working day.
 */
function urgent(row: CaseRow, nextDay: string): boolean {
  return [row.yellowOn, row.promiseYellowOn].some((y) => y !== null && y <= nextDay);
}

async function inPool<T>(list: T[], concurrency: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < list.length) {
      const t = list[next++]!;
      await fn(t).catch((err: unknown) => {
        failed = true;
        throw err;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
}

export async function generatePilotYear(ctx: AppContext, clock: SimulatedClock, opts: PilotYearOptions): Promise<PilotYearReport> {
  const t0 = performance.now();
  const { knex, dialect } = ctx.db;
  const cal = ctx.calendar;
  const concurrency = opts.concurrency ?? 64;
  const items = await findPilotItems(knex);
  if (items.length === 0) throw pilotNotReady('no catalogue item is in the e-licence pilot (items.e_licence_pilot): migrate the database first (npm run migrate)');
  const codes = items.map((i) => i.code);
  const before = await findGeneratedCases(knex, { year: opts.year, itemCodes: codes, submitter: PILOT_SUBMITTER });
  const plan = pilotPlan(before, opts.count);
  if (plan.toFile === 0 && plan.resume.length === 0) return summarise(knex, { opts, before, after: before, run: [], transitions: 0, t0 });

  // The scheduler it runs fires whatever falls due on the simulated clock: it must not reach anybody else's case.
  const until = dbTime(new Date(`${opts.year + 1}-04-01T00:00:00+08:00`));
  const others = await countOtherDueTimers(knex, { until, submitter: PILOT_SUBMITTER });
  if (others > 0) throw pilotNotReady(`${others} other case(s) have timers due before ${opts.year + 1}-04-01, which the simulated clock would fire: generate an earlier --year, or into another database`, { others });

  const centres = await findStaffedCentres(knex);
  const homes = centres.filter((c) => isCentreLevel(c.level));
  const where = new Map(items.map((i) => [i.code, centres.filter((c) => i.acceptLevels.includes(c.level) && (!i.linked || !isCentreLevel(c.level) || c.acceptsLinked))]));
  const unstaffed = items.filter((i) => where.get(i.code)!.length === 0).map((i) => i.code);
  if (unstaffed.length) throw pilotNotReady(`no staffed centre accepts ${unstaffed.join(', ')}`, { items: unstaffed });

  const rand = seededRandom(opts.year * 7919 + before.length);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const applicants = new PilotApplicants(rand);
  const desks = new PilotDesks(knex);
  const scheduler = new Scheduler(ctx, `pilot-year-${process.pid}`);
  const submitter: Actor = { kind: 'system', name: PILOT_SUBMITTER };
  const tracked = new Map<string, Tracked>();
  const run: string[] = [];
  let transitions = 0;

  // Cases an interrupted run left on their way go on from the working day after their last step.
  for (const g of plan.resume) {
    const row = (await findCaseByNo(knex, g.caseNo))!;
    tracked.set(row.caseNo, { row, readyOn: cal.addWorkingDays(chinaDate(fromDbTime(row.updatedAt)), 1), wave: 0, failures: 0 });
    run.push(row.caseNo);
  }

  // Items are drawn in rounds, every item once a round in a random order: the year spreads evenly over them.
  let round: typeof items = [];
  const nextItem = () => {
    if (round.length === 0) {
      round = [...items];
      for (let i = round.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [round[i], round[j]] = [round[j]!, round[i]!];
      }
    }
    return round.pop()!;
  };

  const file = async (day: string) => {
    const item = nextItem();
    const centre = pick(where.get(item.code)!);
    const f = applicants.filing(item, isCentreLevel(centre.level) ? centre : pick(homes));
    const materials = item.materials.filter((m) => m.required).map((m) => m.name);
    const filed = await fileCase(ctx, { actor: submitter, itemCode: item.code, centreCode: centre.code, applicant: f.applicant, materials, delivery: f.delivery });
    transitions++;
    tracked.set(filed.case.caseNo, { row: filed.case, readyOn: day, wave: 0, failures: 0 });
    run.push(filed.case.caseNo);
  };

  const step = async (c: Tracked, day: string, wave: number) => {
    const next = nextPilotStep(c.row);
    if (!next) return void tracked.delete(c.row.caseNo);
    const actor: Actor = next.by === 'applicant' ? { kind: 'queryCode', caseNo: c.row.caseNo } : await desks.actorFor(c.row);
    try {
      c.row = (await transitionCase(ctx, { caseNo: c.row.caseNo, actor, action: next.action })).case;
      transitions++;
    } catch (err) {
      // A timer that moved the case first, or a refusal: read it again and try on the next working day.
      if (!(err instanceof AppError) || ++c.failures > 3) throw err;
      ctx.log.warn({ caseNo: c.row.caseNo, code: err.code, action: next.action.type }, 'pilot step refused; the case is read again');
      c.row = (await findCaseByNo(knex, c.row.caseNo)) ?? c.row;
    }
    const waitsForPost = c.row.state === 'delivered' && c.row.delivery.mode === 'post';
    if (c.row.closedAt || (c.row.state === 'delivered' && !waitsForPost)) return void tracked.delete(c.row.caseNo);
    const nextDay = cal.addWorkingDays(day, 1);
    if (waitsForPost) [c.readyOn, c.wave] = [cal.addWorkingDays(day, POST_TRANSIT_DAYS), c.row.id % MORNING_WAVES];
    else if (urgent(c.row, nextDay) && wave + 1 < WAVES.length) [c.readyOn, c.wave] = [day, wave + 1];
    else [c.readyOn, c.wave] = [nextDay, urgent(c.row, nextDay) ? 0 : c.row.id % MORNING_WAVES];
  };

  const fireTimers = async () => {
    while ((await scheduler.tick()) > 0);
  };
  const publish = async () => {
    const today = chinaDate(ctx.now());
    while ((await withRetry(() => publishBatch(knex, dialect, { limit: 500, today }, () => undefined))) >= 500);
  };

  const days = workingDays(ctx, opts.year);
  const yearDays = days.length;
  const filingDays = Math.max(1, yearDays - TAIL_DAYS);
  let filed = 0;
  let month = '';
  for (let i = 0; i < yearDays || tracked.size > 0; i++) {
    if (i >= yearDays + 60) throw new Error(`${tracked.size} pilot case(s) still on their way 60 working days after the year's end`);
    const day = days[i] ?? (days[i] = nextWorkingDay(ctx, days[i - 1]!));
    if (day.slice(0, 7) !== month) {
      if (month) opts.onProgress?.({ month, filed, onTheWay: tracked.size, commands: transitions, seconds: Math.round((performance.now() - t0) / 1000) });
      month = day.slice(0, 7);
    }
    clock.at(day, '08:15');
    await fireTimers();
    const today = i < filingDays ? Math.round(((i + 1) * plan.toFile) / filingDays) - filed : 0;
    filed += today;
    const slots = FILING_SLOTS.map((_, s) => Math.round(((s + 1) * today) / FILING_SLOTS.length) - Math.round((s * today) / FILING_SLOTS.length));
    for (const [s, n] of slots.entries()) {
      clock.at(day, FILING_SLOTS[s]!);
      await inPool(Array.from({ length: n }), concurrency, () => file(day));
    }
    for (const [w, at] of WAVES.entries()) {
      clock.at(day, at);
      const due = [...tracked.values()].filter((c) => c.readyOn < day || (c.readyOn === day && c.wave <= w));
      await inPool(due, concurrency, (c) => step(c, day, w));
    }
    clock.at(day, '18:00');
    await publish();
  }
  opts.onProgress?.({ month, filed, onTheWay: tracked.size, commands: transitions, seconds: Math.round((performance.now() - t0) / 1000) });
  // The last electronic deliveries complete the next working morning.
  clock.at(nextWorkingDay(ctx, days[days.length - 1]!), '08:15');
  await fireTimers();
  await publish();
  const after = await findGeneratedCases(knex, { year: opts.year, itemCodes: codes, submitter: PILOT_SUBMITTER });
  return summarise(knex, { opts, before, after, run, transitions, t0 });
}

/** The working days of a year, in order. */
function workingDays(ctx: AppContext, year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) if (ctx.calendar.isWorkingDay(d)) out.push(d);
  return out;
}

function nextWorkingDay(ctx: AppContext, day: string): string {
  return ctx.calendar.addWorkingDays(day, 1);
}
