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

export type NewCaseEvent = Omit<CaseEventRow, 'id'> & {
  /** Whom else the publisher tells besides the case's watchers (migration 012: the event is the outbox). */
  fanout?: object;
  /** How the step clock changed, e.g. `start:office`, `pause:applicant`, `stop` (the clock's intervals). */
  clockChange?: string | null;
};

function eventToRow(e: NewCaseEvent): Record<string, unknown> {
  return {
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
    unpublished: e.fanout ? true : null,
    fanout: e.fanout ? JSON.stringify(e.fanout) : null,
    clock_change: e.clockChange ?? null,
  };
}

export async function insertCaseEvent(trx: Knex, e: NewCaseEvent): Promise<number> {
  const [id] = await trx('case_events').insert(eventToRow(e));
  return Number(id);
}

/**
 * Several events in one INSERT (group commit), then their ids in one SELECT:
 * the ids a multi-row insert hands out are not reliably consecutive (Galera
 * steps them by the cluster size), so they are read back by (case, seq).
 */
export async function insertCaseEvents(trx: Knex, events: NewCaseEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  await trx('case_events').insert(events.map(eventToRow));
  const minSeq = Math.min(...events.map((e) => e.seq));
  const rows = await trx('case_events')
    .whereIn('case_id', [...new Set(events.map((e) => e.caseId))])
    .andWhere('seq', '>=', minSeq)
    .select('id', 'case_id', 'seq');
  const ids = new Map(rows.map((r: { id: number; case_id: number; seq: number }) => [`${r.case_id}:${r.seq}`, Number(r.id)]));
  return events.map((e) => ids.get(`${e.caseId}:${e.seq}`)!);
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
