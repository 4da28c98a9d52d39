import type { z } from 'zod';
import { caseReachOf } from '../../db/repositories/caseReach';
import { listCases } from '../../db/repositories/caseQueries';
import type { CaseRow } from '../../db/repositories/cases';
import { findJurisdiction } from '../../db/repositories/jurisdictions';
import type { UserRow } from '../../db/repositories/users';
import { chinaDate } from '../../workflows/calendar';
import { isWithin } from '../../workflows/levels';
import { mayBePersonalNumber } from '../../workflows/searchKeys';
import type { AppContext } from '../context';
import { forbidden, notFound } from '../errors';
import type { CasesQuery } from '../http/schemas';
import { canViewCase } from '../policies/cases';
import { searchHash } from './searchHash';

export interface SearchCasesProps {
  user: UserRow;
  query: z.infer<typeof CasesQuery>;
}

/**
 * GET /api/cases: staff find any case they may see (by number, name, or a
 * whole personal number through its keyed hash), supervisors drill into a
 * dashboard number; an applicant account lists its own cases. Nothing
 * outside the viewer's reach is ever counted or listed: the SQL applies the
 * case policy's rule (db/repositories/caseReach.ts).
 */
export async function searchCases(ctx: AppContext, { user, query: q }: SearchCasesProps): Promise<{ total: number; cases: CaseRow[] }> {
  const db = ctx.db.knex;
  let reach = null;
  if (user.role !== 'applicant') {
    const scope = q.scope ?? user.jurisdictionCode;
    if (!isWithin(scope, user.jurisdictionCode)) throw forbidden('That area is outside your jurisdiction');
    const root = await findJurisdiction(db, scope);
    if (!root) throw notFound('Jurisdiction');
    reach = await caseReachOf(db, { ...user, path: root.path });
  }
  const text = q.q || undefined;
  const found = await listCases(db, {
    reach,
    applicantUserId: user.role === 'applicant' ? user.id : undefined,
    centreCode: q.centre,
    open: q.open,
    overdue: q.overdue,
    light: q.light,
    stepLight: q.stepLight,
    level: q.level,
    state: q.state,
    itemCode: q.itemCode,
    filedFrom: q.filedFrom,
    accepted: q.accepted,
    decided: q.decided,
    linked: q.linked,
    q: text,
    qHash: text && mayBePersonalNumber(text) ? searchHash(ctx.config.SEARCH_HASH_KEY, text) : undefined,
    today: chinaDate(ctx.now()),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  // The SQL already holds the rule; this is the policy itself, as a last guard.
  const actor = { kind: 'user' as const, user };
  const hidden = found.cases.filter((c) => !canViewCase(actor, c));
  if (hidden.length) ctx.log.error({ userId: user.id, cases: hidden.map((c) => c.caseNo) }, 'case list query reached cases the case policy hides');
  return { total: found.total, cases: found.cases.filter((c) => canViewCase(actor, c)) };
}
