import type { Knex } from 'knex';
import { isCentreLevel, LEVELS, levelRank, type Level } from '../../workflows/levels';
import { deedNosOf } from './delegations';
import { routeForCentre, type Route } from '../../workflows/route';
import { parseJson } from '../connection';

/**
 * Which cases a staff member may see, as SQL: the same rule as
 * canViewCase (server/policies/cases.ts). Clerks, supervisors and admins:
 * every case filed under their jurisdiction. A department reviewer: only
 * those whose route passes through their desk (their level, their
 * department), which depends on the item version and on the level of the
 * centre it was filed at (routeForCentre drops review steps at or below
 * it); so the item versions are sorted here into those whose route passes
 * through the desk when filed at a centre of the reviewer's own level, and
 * when filed below it.
 */
export type CaseReach =
  | { kind: 'subtree'; path: string }
  | { kind: 'desk'; path: string; jurisdictionCode: string; atOwnLevel: number[]; below: number[]; deeds?: string[] };

export interface ReachOf {
  role: string;
  level: Level | null;
  department: string | null;
  jurisdictionCode: string;
  /** Materialised path of the user's jurisdiction (or of a narrower scope inside it). */
  path: string;
}

export async function caseReachOf(db: Knex, u: ReachOf): Promise<CaseReach> {
  if (u.role !== 'reviewer') return { kind: 'subtree', path: u.path };
  const level = u.level;
  const department = u.department;
  if (!level || !department) return { kind: 'desk', path: u.path, jurisdictionCode: u.jurisdictionCode, atOwnLevel: [], below: [] };
  // A town has a department desk only by delegation deeds: it reaches the cases filed under its department's deeds.
  if (isCentreLevel(level)) return { kind: 'desk', path: u.path, jurisdictionCode: u.jurisdictionCode, atOwnLevel: [], below: [], deeds: await deedNosOf(db, u.jurisdictionCode, department) };
  // Every item version that mentions the department at all (a cheap pre-filter on the JSON text), then the exact rule.
  const rows = (await db('items').select('id', 'route').where('route', 'like', `%${department}%`)) as { id: number; route: string }[];
  const lower = LEVELS.find((l) => levelRank(l) === levelRank(level) + 1);
  const passes = (route: Route, centreLevel: Level | undefined) =>
    centreLevel !== undefined && routeForCentre(route, centreLevel).some((s) => s.level === level && s.department === department);
  const atOwnLevel: number[] = [];
  const below: number[] = [];
  for (const r of rows) {
    const route = parseJson<Route>(r.route);
    if (passes(route, level)) atOwnLevel.push(Number(r.id));
    // Any centre below the reviewer's level keeps the same steps at that level.
    if (passes(route, lower)) below.push(Number(r.id));
  }
  return { kind: 'desk', path: u.path, jurisdictionCode: u.jurisdictionCode, atOwnLevel, below };
}

/** Limits a cases query (table alias `t`, or none) to a reach. */
export function whereInReach<Q extends Knex.QueryBuilder>(qb: Q, reach: CaseReach, t = ''): Q {
  const c = (name: string) => (t ? `${t}.${name}` : name);
  qb.where(c('centre_path'), 'like', `${reach.path}%`);
  if (reach.kind === 'subtree') return qb;
  const { jurisdictionCode, atOwnLevel, below } = reach;
  return qb.where((w) => {
    // Never an empty IN list: some dialects reject it, and it must match nothing.
    w.where((a) => a.where(c('centre_code'), jurisdictionCode).whereIn(c('item_id'), atOwnLevel.length ? atOwnLevel : [0]));
    w.orWhere((b) => b.whereNot(c('centre_code'), jurisdictionCode).whereIn(c('item_id'), below.length ? below : [0]));
    if (reach.deeds?.length) w.orWhereIn(c('delegation_deed_no'), reach.deeds);
  }) as Q;
}
