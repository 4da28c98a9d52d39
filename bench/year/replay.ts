/**
 * The year replayed through the one command path (bench:year, step 0): N
 * cases filed over 2016's working days, each moved one step a working day by
 * its desk (or its applicant), many in flight so that group commit batches
 * them, with some left untouched for days so that the deadline timers fire —
 * deemed acceptance after 5 working days without a 补正 notice, yellow and
 * red lights, escalation of a red case — fired by the real scheduler on the
 * simulated clock, after each day.
 */
import type { Knex } from 'knex';
import { addCalendarDays } from '../../workflows/calendar';
import { findCaseByNo, type CaseRow } from '../../db/repositories/cases';
import { clerkUsername } from '../../db/seed/users';
import type { Actor } from '../../server/auth/actor';
import { fileCase } from '../../server/commands/fileCase';
import { transitionCase } from '../../server/commands/transitionCase';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { Scheduler } from '../../server/scheduler';
import { pool } from '../stats';
import { deskActor, nextStep, type Outcome, type SimClock } from './templates';

interface Open {
  row: CaseRow;
  outcome: Outcome;
  detourDone: boolean;
  /** Working days the desk leaves it before acting again: how timers get their chance. */
  idleDays: number;
  /** Left in review for weeks once it gets there. */
  stallInReview: boolean;
}

export interface ReplayReport {
  cases: number;
  transitions: number;
  timersFired: Record<string, number>;
  openAtYearEnd: number;
  seconds: number;
  perSecond: number;
  /** The 410,000 cases of 2016 at this pace (linear: the work per case does not grow with the year). */
  wholeYearMinutes: number;
}

export interface ReplayInput {
  cases: number;
  concurrency: number;
  rand: () => number;
  /** An item and a centre that accepts it, and the case's outcome. */
  pickCase(): { itemCode: string; centreCode: string; outcome: Outcome };
}

const APPLICANT = { name: '回放申请人', phone: '13900000000', idNumber: '330302199001011235' };

export async function replayYear(ctx: AppContext, clock: SimClock, input: ReplayInput): Promise<ReplayReport> {
  const days: string[] = [];
  for (let d = '2016-01-01'; d <= '2016-12-31'; d = addCalendarDays(d, 1)) if (ctx.calendar.isWorkingDay(d)) days.push(d);
  const scheduler = new Scheduler(ctx, 'bench-replay');
  const open = new Map<string, Open>();
  let transitions = 0;
  let filed = 0;
  const at = (day: string, hhmm: string) => (clock.t = Date.parse(`${day}T${hhmm}:00+08:00`));
  const t0 = performance.now();
  for (const [i, day] of days.entries()) {
    // Morning: the day's filings.
    at(day, '09:00');
    const today = Math.round(((i + 1) * input.cases) / days.length) - filed;
    filed += today;
    await pool(today, input.concurrency, async () => {
      const p = input.pickCase();
      const f = await fileCase(ctx, { actor: null, itemCode: p.itemCode, centreCode: p.centreCode, applicant: APPLICANT, materials: ['申请书'], delivery: { mode: 'pickup' } });
      transitions++;
      // ~4 % wait at acceptance past the 5-day notice period; ~6 % sit in review long enough to turn yellow or red.
      const r = input.rand();
      open.set(f.case.caseNo, { row: f.case, outcome: p.outcome, detourDone: false, idleDays: r < 0.04 ? 7 : 0, stallInReview: r >= 0.04 && r < 0.1 });
    });
    // Afternoon: every case not left waiting takes its next step.
    at(day, '15:00');
    const moving = [...open.values()].filter((c) => c.idleDays-- <= 0);
    await pool(moving.length, input.concurrency, async (k) => {
      const c = moving[k]!;
      if (c.stallInReview && c.row.state === 'review' && c.row.stepIndex >= 1) {
        // Left in review: its lights turn, and a red one is escalated.
        c.stallInReview = false;
        c.idleDays = 15;
        return;
      }
      const next = nextStep(c.row, c.outcome, c.detourDone, k);
      const actor: Actor | null = !next ? null : next.by === 'applicant' ? { kind: 'queryCode', caseNo: c.row.caseNo } : await deskActor(ctx, c.row);
      if (!next || !actor) return void open.delete(c.row.caseNo);
      if (next.detour) c.detourDone = true;
      try {
        c.row = (await transitionCase(ctx, { caseNo: c.row.caseNo, actor, action: next.action })).case;
        transitions++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // A detour this route does not take here, or a timer moved the case first (deemed acceptance): read it again.
        c.row = (await findCaseByNo(ctx.db.knex, c.row.caseNo)) ?? c.row;
      }
      if (c.row.closedAt) open.delete(c.row.caseNo);
    });
    // Night: the timers due by the next morning fire, through the same command path.
    at(addCalendarDays(day, 1), '08:30');
    while ((await scheduler.tick()) > 0);
  }
  const seconds = (performance.now() - t0) / 1000;
  const fired = (await ctx.db.knex('case_events').where({ actor_role: 'system' }).whereNot({ type: 'SUBMIT' }).select('type').count({ n: '*' }).groupBy('type')) as unknown as { type: string; n: number }[];
  // Events by the system actor, filings aside, are the fired timers (ACCEPT: deemed acceptance).
  const timersFired = Object.fromEntries(fired.map((r) => [String(r.type), Number(r.n)]));
  const timerTransitions = Object.values(timersFired).reduce((a, b) => a + b, 0);
  const all = transitions + timerTransitions;
  return {
    cases: filed,
    transitions: all,
    timersFired,
    openAtYearEnd: open.size,
    seconds: Math.round(seconds),
    perSecond: Math.round(all / seconds),
    wholeYearMinutes: Math.round(((seconds * 410_000) / filed / 60) * 10) / 10,
  };
}

/** A random current item and a centre that accepts it (linked items only where the centre takes them). */
export async function caseChoices(knex: Knex) {
  const items = await knex('items').where({ is_current: true }).select('code', 'linked', 'accept_levels', 'applicant_types');
  // Only centres with a counter clerk staffed (demo staffing): a case nobody accepts would only feed the timers.
  const clerks = new Set((await knex('users').where({ role: 'clerk', active: true }).select('username')).map((u) => String(u.username)));
  const centres = (await knex('service_centres as s').join('jurisdictions as j', 'j.code', 's.code').select('s.code', 's.accepts_linked', 'j.level')).filter(
    (c) => (c.level === 'village' || c.level === 'town') && clerks.has(clerkUsername(String(c.code))),
  );
  // Personal applicants only: items that take only organisations are left out of the replay.
  const options = items
    .filter((i) => String(i.applicant_types).includes('person'))
    .map((i) => ({ code: String(i.code), where: centres.filter((c) => (JSON.parse(i.accept_levels) as string[]).includes(c.level) && (!Number(i.linked) || Boolean(Number(c.accepts_linked)))).map((c) => String(c.code)) }))
    .filter((o) => o.where.length > 0);
  return (rand: () => number) => {
    const o = options[Math.floor(rand() * options.length)]!;
    return { itemCode: o.code, centreCode: o.where[Math.floor(rand() * o.where.length)]! };
  };
}
