import type { Knex } from 'knex';
import { FINAL_STATES } from '../../workflows/caseStates';

const num = (v: unknown) => Number(v ?? NaN);

/**
 * What must hold of the stored cases whatever requests came before, each as
 * the list of case numbers (and details) that break it: a case's events are
 * numbered 1..last_seq without gaps; a closed case took no event after
 * closing, nor any from a final state; a case in a final state has closed_at;
 * its newest event leads to the state it is in.
 */
export async function databaseInvariants(knex: Knex) {
  const counts = await knex('cases as c')
    .leftJoin('case_events as e', 'e.case_id', 'c.id')
    .groupBy('c.id', 'c.case_no', 'c.last_seq')
    .select('c.case_no', 'c.last_seq', knex.raw('count(e.id) as n'), knex.raw('count(distinct e.seq) as d'), knex.raw('min(e.seq) as lo'), knex.raw('max(e.seq) as hi'));
  const seqsNotOneToLastSeq = counts
    .filter((r) => !(num(r.n) === num(r.last_seq) && num(r.d) === num(r.n) && num(r.lo) === 1 && num(r.hi) === num(r.last_seq)))
    .map((r) => `${r.case_no}: last_seq ${r.last_seq}, ${r.n} events, seqs ${r.lo}..${r.hi}`);
  const eventsAfterClosing = (
    await knex('case_events as e').join('cases as c', 'c.id', 'e.case_id').whereNotNull('c.closed_at').whereRaw('e.created_at > c.closed_at').select('c.case_no', 'e.seq', 'e.type')
  ).map((r) => `${r.case_no}#${r.seq} ${r.type}`);
  const eventsFromClosedStates = (
    await knex('case_events as e').join('cases as c', 'c.id', 'e.case_id').whereIn('e.from_state', [...FINAL_STATES]).select('c.case_no', 'e.seq', 'e.type', 'e.from_state')
  ).map((r) => `${r.case_no}#${r.seq} ${r.type} from ${r.from_state}`);
  const closedWithoutClosedAt = (await knex('cases').whereIn('state', [...FINAL_STATES]).whereNull('closed_at').select('case_no', 'state')).map((r) => `${r.case_no} ${r.state}`);
  const lastEventNotCaseState = (
    await knex('cases as c').join('case_events as e', (j) => j.on('e.case_id', 'c.id').andOn('e.seq', 'c.last_seq')).whereRaw('e.to_state <> c.state').select('c.case_no', 'c.state', 'e.to_state')
  ).map((r) => `${r.case_no}: ${r.state}, last event to ${r.to_state}`);
  return { seqsNotOneToLastSeq, eventsAfterClosing, eventsFromClosedStates, closedWithoutClosedAt, lastEventNotCaseState };
}
