import type { Knex } from 'knex';
import { WorkCalendar, chinaDate } from '../../workflows/calendar';
import { FINAL_STATES } from '../../workflows/caseStates';
import { loadCalendar } from '../repositories/calendar';

/**
 * The promise of each case (承诺办结日期): its clock state beside the step
 * clock's, the promised date and the frozen light. Written with every
 * transition (server/commands/caseSnapshot.ts derivedColumns).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.string('promise_phase', 10).notNullable().defaultTo('pending');
    t.string('promise_started_on', 10).nullable();
    t.integer('promise_limit_days').notNullable().defaultTo(0);
    t.integer('promise_paused_days').notNullable().defaultTo(0);
    t.string('promise_paused_since', 10).nullable();
    t.string('promise_pause_kind', 16).nullable();
    t.string('promise_due_on', 10).nullable();
    t.string('promise_yellow_on', 10).nullable();
    t.string('promise_light', 8).notNullable().defaultTo('green');
    t.index(['promise_phase', 'promise_due_on']);
  });
  await backfill(knex);
}

/**
 * Cases from before the promise: an accepted case promises the item's limit
 * from its acceptance day (+10 if extended); one in a special procedure is
 * paused from today; a case already delivered or closed has finished.
 */
async function backfill(knex: Knex): Promise<void> {
  const rows = (await knex('cases as c')
    .join('items as i', 'i.id', 'c.item_id')
    .whereNotNull('c.accepted_at')
    .select('c.id', 'c.state', 'c.accepted_at', 'c.snapshot', 'i.promised_days')) as { id: number; state: string; accepted_at: string; snapshot: string; promised_days: number }[];
  if (!rows.length) return;
  const { days, years } = await loadCalendar(knex);
  const cal = new WorkCalendar(days, years, { provisionalYears: [years.length ? Math.max(...years) + 1 : new Date().getUTCFullYear()] });
  const today = chinaDate(new Date());
  for (const r of rows) {
    const startedOn = chinaDate(new Date(`${r.accepted_at.replace(' ', 'T')}Z`));
    const extended = /"extended":true/.test(String(r.snapshot));
    const limit = Number(r.promised_days) + (extended ? 10 : 0);
    const finished = (FINAL_STATES as string[]).includes(r.state) || r.state === 'delivered';
    const phase = finished ? 'finished' : r.state === 'special' ? 'paused' : 'running';
    let dueOn: string | null = null;
    let yellowOn: string | null = null;
    try {
      dueOn = cal.addWorkingDays(startedOn, limit);
      yellowOn = cal.addWorkingDays(startedOn, Math.ceil(limit * 0.8));
    } catch {
      // A day outside the calendar's years: the next transition counts it.
    }
    await knex('cases').where({ id: r.id }).update({
      promise_phase: phase,
      promise_started_on: startedOn,
      promise_limit_days: limit,
      promise_paused_since: phase === 'running' ? null : today,
      promise_pause_kind: phase === 'paused' ? 'special' : null,
      promise_due_on: dueOn,
      promise_yellow_on: phase === 'running' ? yellowOn : null,
      promise_light: dueOn !== null && dueOn < today ? 'red' : 'green',
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['promise_phase', 'promise_due_on']);
    for (const c of ['promise_phase', 'promise_started_on', 'promise_limit_days', 'promise_paused_days', 'promise_paused_since', 'promise_pause_kind', 'promise_due_on', 'promise_yellow_on', 'promise_light']) t.dropColumn(c);
  });
}
