import type { Knex } from 'knex';
import type { CaseUpdated } from '../../workflows/socketContract';
import { parseJson } from '../connection';

export interface CaseEventRow {
  id: number;
  caseId: number;
  seq: number;
  type: string;
  fromState: string | null;
  toState: string;
  actorUserId: number | null;
  actorRole: string;
  actorName: string;
  level: string | null;
  jurisdictionCode: string | null;
  opinion: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  /** What watchers were sent for this event (see workflows/socketContract.ts). */
  live: CaseUpdated | null;
}

export type NewCaseEvent = Omit<CaseEventRow, 'id'>;

export async function insertCaseEvent(trx: Knex, e: NewCaseEvent): Promise<number> {
  const [id] = await trx('case_events').insert({
    case_id: e.caseId,
    seq: e.seq,
    type: e.type,
    from_state: e.fromState,
    to_state: e.toState,
    actor_user_id: e.actorUserId,
    actor_role: e.actorRole,
    actor_name: e.actorName,
    level: e.level,
    jurisdiction_code: e.jurisdictionCode,
    opinion: e.opinion,
    payload: JSON.stringify(e.payload),
    created_at: e.createdAt,
    live_payload: e.live ? JSON.stringify(e.live) : null,
  });
  return Number(id);
}

export async function listCaseEvents(db: Knex, caseId: number, sinceSeq = 0): Promise<CaseEventRow[]> {
  const rows = await db('case_events').where('case_id', caseId).andWhere('seq', '>', sinceSeq).orderBy('seq');
  return rows.map((r: Record<string, any>) => ({
    id: Number(r.id),
    caseId: Number(r.case_id),
    seq: Number(r.seq),
    type: r.type,
    fromState: r.from_state,
    toState: r.to_state,
    actorUserId: r.actor_user_id == null ? null : Number(r.actor_user_id),
    actorRole: r.actor_role,
    actorName: r.actor_name,
    level: r.level,
    jurisdictionCode: r.jurisdiction_code,
    opinion: r.opinion,
    payload: parseJson(r.payload),
    createdAt: r.created_at,
    live: r.live_payload ? parseJson<CaseUpdated>(r.live_payload) : null,
  }));
}

export async function insertOutbox(
  trx: Knex,
  row: { caseId: number; caseEventId: number; topic: string; payload: unknown; createdAt: string },
): Promise<void> {
  await trx('outbox').insert({
    case_id: row.caseId,
    case_event_id: row.caseEventId,
    topic: row.topic,
    payload: JSON.stringify(row.payload),
    created_at: row.createdAt,
  });
}

export async function openClockInterval(
  trx: Knex,
  row: { caseId: number; phase: string; owner: 'office' | 'applicant' | 'special'; startedAt: string },
): Promise<void> {
  await trx('case_clock_intervals').insert({
    case_id: row.caseId,
    phase: row.phase,
    owner: row.owner,
    started_at: row.startedAt,
  });
}

/**
 * Closes the case's open intervals. The caller holds the case row (locked, or
 * just inserted), so a plain read finds them; updating by primary key then
 * locks only those rows. An UPDATE ... WHERE case_id = ? would take InnoDB
 * next-key (gap) locks, and concurrent filings, which find no row to close,
 * would share the gap and then deadlock on their inserts into it.
 */
export async function closeClockIntervals(trx: Knex, caseId: number, endedAt: string): Promise<void> {
  const open = await trx('case_clock_intervals').where({ case_id: caseId }).whereNull('ended_at').select('id');
  if (open.length === 0) return;
  await trx('case_clock_intervals')
    .whereIn(
      'id',
      open.map((r: { id: number | string }) => Number(r.id)),
    )
    .update({ ended_at: endedAt });
}
