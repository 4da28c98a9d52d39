import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { OPEN_STATES } from '../../../workflows/rectificationMachine';

/** Satisfaction of one group (a centre, a department, an item): every figure counted from the rating rows. */
export interface SatisfactionRow {
  key: string;
  name: string;
  ratings: number;
  average: number;
  /** 满意 and 非常满意 (4–5). */
  satisfied: number;
  /** 不满意 and 非常不满意 (1–2): 差评. */
  bad: number;
}

type Group = 'centre' | 'department' | 'item';

const GROUPS: Record<Group, { column: string; join: [string, string, string]; name: string }> = {
  centre: { column: 'r.centre_code', join: ['jurisdictions as n', 'n.code', 'r.centre_code'], name: 'n.name' },
  department: { column: 'r.item_department', join: ['departments as n', 'n.code', 'r.item_department'], name: 'n.name' },
  item: { column: 'r.item_code', join: ['items as n', 'n.code', 'r.item_code'], name: 'n.name' },
};

/** Ratings counted (a rating dismissed as malicious on appeal is not), of cases filed under `scope`. */
function counted(db: Knex, scope: string) {
  return db('case_ratings as r').where('r.excluded', false).where('r.centre_code', 'like', `${codePrefix(scope)}%`);
}

export async function satisfactionBy(db: Knex, scope: string, group: Group, limit = 100): Promise<SatisfactionRow[]> {
  const g = GROUPS[group];
  const names = group === 'item' ? db('items').select('code').max({ name: 'name' }).groupBy('code').as('n') : g.join[0];
  const rows = (await counted(db, scope)
    .leftJoin(names as never, g.join[1], g.join[2])
    .groupBy(g.column)
    .select({ key: g.column })
    .max({ name: g.name })
    .count({ ratings: '*' })
    .avg({ average: 'r.overall' })
    .sum({ satisfied: db.raw('CASE WHEN r.overall >= 4 THEN 1 ELSE 0 END') })
    .sum({ bad: db.raw('CASE WHEN r.overall <= 2 THEN 1 ELSE 0 END') })
    .orderBy('ratings', 'desc')
    .orderBy('key')
    .limit(limit)) as Record<string, unknown>[];
  return rows.map((r) => ({
    key: String(r.key),
    name: String(r.name ?? r.key),
    ratings: Number(r.ratings),
    average: Math.round(Number(r.average) * 100) / 100,
    satisfied: Number(r.satisfied),
    bad: Number(r.bad),
  }));
}

/** Rectifications of desks under `scope`: still owed (or under appeal), and of those past their due date. */
export async function rectificationCounts(db: Knex, scope: string): Promise<{ open: number; overdue: number; resolved: number; dismissed: number }> {
  const rows = (await db('rectifications')
    .where('jurisdiction_code', 'like', `${codePrefix(scope)}%`)
    .select('state', 'overdue')
    .count({ n: '*' })
    .groupBy('state', 'overdue')) as { state: string; overdue: unknown; n: unknown }[];
  const out = { open: 0, overdue: 0, resolved: 0, dismissed: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if ((OPEN_STATES as readonly string[]).includes(r.state)) {
      out.open += n;
      if (r.overdue === true || Number(r.overdue) === 1) out.overdue += n;
    } else if (r.state === 'dismissed') out.dismissed += n;
    else out.resolved += n;
  }
  return out;
}

export interface MissingCallBack {
  rectificationId: number;
  caseNo: string;
  jurisdictionCode: string;
  department: string | null;
  state: string;
  dueOn: string;
  overdue: boolean;
}

/**
 * 实名差评回访率: real-name bad ratings (not dismissed on appeal) whose desk
 * recorded a call back, over all of them; and those still missing one.
 */
export async function callBackRate(db: Knex, scope: string): Promise<{ realNameBad: number; calledBack: number; missing: MissingCallBack[] }> {
  const base = () => db('rectifications').where('jurisdiction_code', 'like', `${codePrefix(scope)}%`).where('real_name', true).whereNot('state', 'dismissed');
  const [{ n }] = (await base().count({ n: '*' })) as { n: unknown }[];
  const [{ m }] = (await base().whereNotNull('called_back_at').count({ m: '*' })) as { m: unknown }[];
  const missing = (await base().whereNull('called_back_at').orderBy('due_on').orderBy('id').limit(200)) as Record<string, any>[];
  return {
    realNameBad: Number(n),
    calledBack: Number(m),
    missing: missing.map((r) => ({
      rectificationId: Number(r.id),
      caseNo: r.case_no,
      jurisdictionCode: r.jurisdiction_code,
      department: r.department ?? null,
      state: r.state,
      dueOn: r.due_on,
      overdue: r.overdue === true || Number(r.overdue) === 1,
    })),
  };
}

export interface MonthlyRow {
  month: string;
  department: string;
  departmentName: string;
  ratings: number;
  average: number;
  satisfied: number;
  bad: number;
  /** Bad ratings whose rectification the desk answered (fixed or explained). */
  rectified: number;
}

/** The published monthly results (每月公开): per month and department, newest month first. */
export async function monthlyResults(db: Knex, q: { month?: string; department?: string; page: number; pageSize: number }): Promise<{ total: number; rows: MonthlyRow[] }> {
  const base = () => {
    const b = db('case_ratings as r').where('r.excluded', false);
    if (q.month) b.where('r.month', q.month);
    if (q.department) b.where('r.item_department', q.department);
    return b;
  };
  const [{ total }] = (await db.from(base().select('r.month', 'r.item_department').groupBy('r.month', 'r.item_department').as('g')).count({ total: '*' })) as { total: unknown }[];
  const rows = (await base()
    .leftJoin('departments as d', 'd.code', 'r.item_department')
    .leftJoin('rectifications as x', 'x.rating_id', 'r.id')
    .groupBy('r.month', 'r.item_department')
    .select({ month: 'r.month', department: 'r.item_department' })
    .max({ departmentName: 'd.name' })
    .count({ ratings: '*' })
    .avg({ average: 'r.overall' })
    .sum({ satisfied: db.raw('CASE WHEN r.overall >= 4 THEN 1 ELSE 0 END') })
    .sum({ bad: db.raw('CASE WHEN r.overall <= 2 THEN 1 ELSE 0 END') })
    .sum({ rectified: db.raw("CASE WHEN x.outcome IN ('fixed', 'explained') THEN 1 ELSE 0 END") })
    .orderBy('r.month', 'desc')
    .orderBy('r.item_department')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)) as Record<string, unknown>[];
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      month: String(r.month),
      department: String(r.department),
      departmentName: String(r.departmentName ?? r.department),
      ratings: Number(r.ratings),
      average: Math.round(Number(r.average) * 100) / 100,
      satisfied: Number(r.satisfied),
      bad: Number(r.bad),
      rectified: Number(r.rectified),
    })),
  };
}
