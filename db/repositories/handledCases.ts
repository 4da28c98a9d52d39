import type { Knex } from 'knex';
import { rowToCase, type CaseRow } from './cases';

/** A desk: everybody of one role at one jurisdiction (and, for reviewers, one department). */
export interface DeskOf {
  role: 'clerk' | 'reviewer';
  jurisdictionCode: string;
  department: string | null;
}

/** The desk's last act on a case: what it did and what became of the case then. */
export interface DeskAct {
  type: string;
  fromState: string | null;
  toState: string;
  actorName: string;
  opinion: string | null;
  at: string;
}

export interface HandledCase {
  case: CaseRow;
  last: DeskAct;
}

/**
 * 已办: cases a desk acted on (any event by one of its members, at its
 * jurisdiction), newest act first, with that last act. An event row names
 * its user but not the department, so the desk is its members now, and the
 * jurisdiction of the event keeps out what a member did at an earlier desk.
 */
export async function listHandled(db: Knex, desk: DeskOf, page: { limit: number; offset: number }): Promise<{ total: number; rows: HandledCase[] }> {
  const members = db('users').select('id').where({ role: desk.role, jurisdiction_code: desk.jurisdictionCode });
  if (desk.role === 'reviewer') members.where('department', desk.department ?? '');
  const acts = db('case_events')
    .select('case_id')
    .max({ last_id: 'id' })
    .whereIn('actor_user_id', members)
    .where('jurisdiction_code', desk.jurisdictionCode)
    .groupBy('case_id');
  const [{ n }] = await db.from(acts.clone().as('h')).count({ n: '*' });
  const rows = (await db
    .from(acts.as('h'))
    .join('cases as c', 'c.id', 'h.case_id')
    .join('case_events as e', 'e.id', 'h.last_id')
    .select('c.*', 'e.type as h_type', 'e.from_state as h_from', 'e.to_state as h_to', 'e.actor_name as h_by', 'e.opinion as h_opinion', 'e.created_at as h_at')
    .orderBy('h.last_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)) as Record<string, unknown>[];
  return {
    total: Number(n),
    rows: rows.map(({ h_type, h_from, h_to, h_by, h_opinion, h_at, ...c }) => ({
      case: rowToCase(c),
      last: {
        type: String(h_type),
        fromState: (h_from as string | null) ?? null,
        toState: String(h_to),
        actorName: String(h_by),
        opinion: (h_opinion as string | null) ?? null,
        at: String(h_at),
      },
    })),
  };
}
