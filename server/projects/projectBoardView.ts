import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { clocksOf, deskNames, worseLight, type DeskName } from './projectClockView';
import type { Light, ProjectClock, ProjectInterval } from '../../workflows/projectClock';
import type { ProjectType } from '../../workflows/projectCode';

const DAY_MS = 86_400_000;
const CLOSED = ['completed', 'cancelled'];

export interface BoardQuery { stage?: number; light?: Light; state: 'open' | 'all'; page: number; pageSize: number }

export interface BoardProject {
  code: string; name: string; type: ProjectType; state: string; stage: number | null; jurisdictionCode: string;
  light: Light; whole: ProjectClock['whole']; approval: ProjectClock['approval'];
  longestDesk: (NonNullable<ProjectClock['longestDesk']> & DeskName) | null;
}

export interface SlowDesk extends DeskName { jurisdictionCode: string; department: string | null; cases: number; totalDays: number; averageDays: number }

/**
 * The slowest desks: for each desk (jurisdiction + department; a centre has
 * none), the government-approval time it held project cases, summed per case
 * (a case's stays at the desk added up) and averaged over the cases it held.
 */
export function slowestDesks(intervals: ProjectInterval[], now: number): Omit<SlowDesk, keyof DeskName>[] {
  const byDesk = new Map<string, { jurisdictionCode: string; department: string | null; ms: number; cases: Set<string> }>();
  for (const i of intervals) {
    const d = i.source.desk;
    if (!d || i.kind !== 'government_approval' || i.source.type !== 'case') continue;
    const key = `${d.jurisdictionCode}|${d.department ?? ''}`;
    const e = byDesk.get(key) ?? { jurisdictionCode: d.jurisdictionCode, department: d.department, ms: 0, cases: new Set<string>() };
    e.ms += Math.max(0, Math.min(now, i.to === null ? now : Date.parse(i.to)) - Date.parse(i.from));
    e.cases.add(i.source.ref);
    byDesk.set(key, e);
  }
  return [...byDesk.values()]
    .map((e) => ({ jurisdictionCode: e.jurisdictionCode, department: e.department, cases: e.cases.size, totalDays: Math.round((e.ms / DAY_MS) * 10) / 10, averageDays: Math.round((e.ms / DAY_MS / e.cases.size) * 10) / 10 }))
    .sort((a, b) => b.totalDays - a.totalDays || b.averageDays - a.averageDays);
}

/** The board of the projects under a jurisdiction path, computed live (the clocks run between changes). */
export async function loadProjectBoard(ctx: Pick<AppContext, 'config' | 'calendar' | 'now'>, db: Knex, path: string, q: BoardQuery) {
  const rows = await db('projects').where('jurisdiction_path', 'like', `${path}%`).modify((b) => void (q.state === 'open' && b.whereNotIn('state', CLOSED))).select('id', 'code', 'name', 'type', 'state', 'current_stage', 'jurisdiction_code');
  const clocks = await clocksOf(ctx, db, rows.map((r: any) => ({ id: Number(r.id), type: r.type })));
  const all: { row: Record<string, any>; clock: ProjectClock; light: Light }[] = rows.map((r: Record<string, any>) => {
    const c = clocks.get(Number(r.id))!;
    return { row: r, clock: c, light: worseLight(c.whole.light, c.approval.light) };
  });
  const byStage: Record<string, Record<Light, number>> = {};
  for (const p of all) {
    const s = String(p.row.current_stage ?? 0);
    byStage[s] ??= { green: 0, yellow: 0, red: 0 };
    byStage[s][p.light]++;
  }
  const now = ctx.now().getTime();
  const picked = all
    .filter((p) => (q.stage === undefined || p.row.current_stage === q.stage) && (q.light === undefined || p.light === q.light))
    .sort((a, b) => b.clock.whole.counted / b.clock.whole.limit - a.clock.whole.counted / a.clock.whole.limit || b.clock.approval.counted / b.clock.approval.limit - a.clock.approval.counted / a.clock.approval.limit || a.row.code.localeCompare(b.row.code));
  const page = picked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const desks = slowestDesks(all.flatMap((p) => p.clock.intervals), now).slice(0, 10);
  const name = await deskNames(db, [...desks, ...page.flatMap((p) => (p.clock.longestDesk ? [p.clock.longestDesk.desk] : []))]);
  const projects: BoardProject[] = page.map(({ row, clock, light }) => ({
    code: row.code, name: row.name, type: row.type, state: row.state, stage: row.current_stage ?? null, jurisdictionCode: row.jurisdiction_code,
    light, whole: clock.whole, approval: clock.approval,
    longestDesk: clock.longestDesk ? { ...clock.longestDesk, ...name(clock.longestDesk.desk) } : null,
  }));
  return { total: picked.length, page: q.page, pageSize: q.pageSize, projects, byStage, slowestDesks: desks.map((d) => ({ ...d, ...name(d) })), limits: ctx.config.PROJECT_CLOCK_LIMITS };
}
