import type { Knex } from 'knex';

export type UrgingKind = 'urge' | 'reply' | 'applicant' | 'escalate';

export interface UrgingRow {
  id: number;
  caseId: number;
  caseEventId: number;
  kind: UrgingKind;
  reason: string | null;
  replyBy: string | null;
  toLevel: string;
  toJurisdiction: string;
  applicantDay: string | null;
  byUserId: number | null;
  byName: string;
  createdAt: string;
}

/** Written in the transition's transaction; the unique (case, applicant day) refuses a second 催办 the same working day. */
export async function insertUrging(trx: Knex, u: Omit<UrgingRow, 'id'>): Promise<void> {
  await trx('urgings').insert({
    case_id: u.caseId,
    case_event_id: u.caseEventId,
    kind: u.kind,
    reason: u.reason,
    reply_by: u.replyBy,
    to_level: u.toLevel,
    to_jurisdiction: u.toJurisdiction,
    applicant_day: u.applicantDay,
    by_user_id: u.byUserId,
    by_name: u.byName,
    created_at: u.createdAt,
  });
}

export interface RaisedToRow {
  caseNo: string;
  kind: UrgingKind;
  reason: string | null;
  replyBy: string | null;
  toLevel: string;
  toJurisdiction: string;
  byName: string;
  createdAt: string;
}

/** What was raised to (escalations) or sent by (urges) the supervisors of one jurisdiction, newest first, open cases only. */
export async function listSupervision(db: Knex, jurisdictionCode: string, closedStates: readonly string[], limit: number): Promise<RaisedToRow[]> {
  const rows = await db('urgings as u')
    .join('cases as c', 'c.id', 'u.case_id')
    .where('u.to_jurisdiction', jurisdictionCode)
    .where('u.kind', 'escalate')
    .whereNotIn('c.state', closedStates as string[])
    .orderBy('u.id', 'desc')
    .limit(limit)
    .select('c.case_no', 'u.kind', 'u.reason', 'u.reply_by', 'u.to_level', 'u.to_jurisdiction', 'u.by_name', 'u.created_at');
  return rows.map((r: Record<string, any>) => ({
    caseNo: r.case_no,
    kind: r.kind,
    reason: r.reason,
    replyBy: r.reply_by,
    toLevel: r.to_level,
    toJurisdiction: r.to_jurisdiction,
    byName: r.by_name,
    createdAt: r.created_at,
  }));
}
