import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { intervalsOfProjects } from '../../db/repositories/projects/projectIntervals';
import { computeProjectClock, type Light, type ProjectClock } from '../../workflows/projectClock';
import type { ProjectType } from '../../workflows/projectCode';

/** Yellow from 90 % of a limit (SEED-SERVICES §5: the supervisors' prior anchors). */
export const PROJECT_YELLOW_AT = 0.9;

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };
/** The project's light: the worse of its two clocks. */
export function worseLight(a: Light, b: Light): Light {
  return RANK[a] >= RANK[b] ? a : b;
}

type Desk = { jurisdictionCode: string; department: string | null };
/** A desk's name, 'county' or 'county · department', in Chinese and in English. */
export interface DeskName { name: string; nameEn: string }

/** The names of these desks (from the jurisdiction and department tables; English falls back to Chinese). */
export async function deskNames(db: Knex, desks: Desk[]): Promise<(d: Desk) => DeskName> {
  const codes = [...new Set(desks.map((d) => d.jurisdictionCode))];
  const deps = [...new Set(desks.map((d) => d.department).filter((d): d is string => d !== null))];
  const j = new Map((codes.length ? await db('jurisdictions').whereIn('code', codes).select('code', 'name', 'name_en') : []).map((r: any) => [r.code, r]));
  const dep = new Map((deps.length ? await db('departments').whereIn('code', deps).select('code', 'name', 'name_en') : []).map((r: any) => [r.code, r]));
  const join = (d: Desk, key: 'name' | 'name_en') => {
    const jr = j.get(d.jurisdictionCode);
    const dr = d.department ? dep.get(d.department) : undefined;
    const jn = (jr && (jr[key] || jr.name)) ?? d.jurisdictionCode;
    const dn = d.department ? ((dr && (dr[key] || dr.name)) ?? d.department) : null;
    return [jn, dn].filter(Boolean).join(' · ');
  };
  return (d) => ({ name: join(d, 'name'), nameEn: join(d, 'name_en') });
}

export interface ProjectClockJson extends Omit<ProjectClock, 'longestDesk' | 'intervals'> {
  /** Each with the name of the desk that held it (jurisdiction · department), or null. */
  intervals: (ProjectClock['intervals'][number] & { desk: DeskName | null })[];
  longestDesk: (NonNullable<ProjectClock['longestDesk']> & DeskName) | null;
  project: { code: string; name: string; type: ProjectType; state: string; currentStage: number | null };
  light: Light;
}

type ClockCtx = Pick<AppContext, 'config' | 'calendar' | 'now'>;

/** The clocks of several projects (rows of `projects`), as of now. */
export async function clocksOf(ctx: ClockCtx, db: Knex, rows: { id: number; type: string }[]): Promise<Map<number, ProjectClock>> {
  const intervals = await intervalsOfProjects(db, rows.map((r) => r.id));
  const now = ctx.now();
  return new Map(rows.map((r) => [r.id, computeProjectClock(intervals.get(r.id) ?? [], ctx.config.PROJECT_CLOCK_LIMITS[r.type as ProjectType], now, ctx.calendar, PROJECT_YELLOW_AT)]));
}

/** A project's two clocks, its timeline and its longest desk, as JSON; undefined when there is no such project. */
export async function loadProjectClock(ctx: ClockCtx, db: Knex, projectId: number): Promise<ProjectClockJson | undefined> {
  const row = await db('projects').where({ id: projectId }).first('id', 'code', 'name', 'type', 'state', 'current_stage');
  if (!row) return undefined;
  const clock = (await clocksOf(ctx, db, [{ id: Number(row.id), type: row.type }])).get(Number(row.id))!;
  const name = await deskNames(db, clock.intervals.flatMap((i) => (i.source.desk ? [i.source.desk] : [])));
  return {
    project: { code: row.code, name: row.name, type: row.type, state: row.state, currentStage: row.current_stage ?? null },
    light: worseLight(clock.whole.light, clock.approval.light),
    ...clock,
    intervals: clock.intervals.map((i) => ({ ...i, desk: i.source.desk ? name(i.source.desk) : null })),
    longestDesk: clock.longestDesk ? { ...clock.longestDesk, ...name(clock.longestDesk.desk) } : null,
  };
}

/**
 * Writes the read model of the clocks on `projects` (counted_days,
 * counted_working_days, light) in the caller's transaction. The project's
 * aggregate calls it in every change of the project or of its cases.
 */
export async function refreshProjectClock(ctx: ClockCtx, trx: Knex, projectId: number): Promise<{ countedDays: number; countedWorkingDays: number; light: Light } | undefined> {
  const row = await trx('projects').where({ id: projectId }).first('id', 'type');
  if (!row) return undefined;
  const clock = (await clocksOf(ctx, trx, [{ id: Number(row.id), type: row.type }])).get(Number(row.id))!;
  const out = { countedDays: clock.whole.counted, countedWorkingDays: clock.approval.counted, light: worseLight(clock.whole.light, clock.approval.light) };
  await trx('projects').where({ id: projectId }).update({ counted_days: out.countedDays, counted_working_days: out.countedWorkingDays, light: out.light });
  return out;
}

/**
 * The open projects whose stored clocks (counted_days, counted_working_days,
 * light) no longer read what their clocks read now: time ran on with no change
 * of the project (a desk sits on a case). A read only: the project scheduler
 * applies one CLOCK command to each (which calls refreshProjectClock and sends
 * `project:updated`), so lights turn yellow and red live, through the one command path.
 */
export async function staleProjectClocks(ctx: ClockCtx, db: Knex, limit = 200): Promise<{ id: number; code: string; countedDays: number; countedWorkingDays: number; light: Light; lightChanged: boolean }[]> {
  const rows = await db('projects').whereNotIn('state', ['completed', 'cancelled']).orderBy('id').limit(5000).select('id', 'code', 'type', 'counted_days', 'counted_working_days', 'light');
  const clocks = await clocksOf(ctx, db, rows.map((r: any) => ({ id: Number(r.id), type: r.type })));
  const out = [];
  for (const r of rows) {
    const c = clocks.get(Number(r.id))!;
    const light = worseLight(c.whole.light, c.approval.light);
    if (c.whole.counted !== Number(r.counted_days) || c.approval.counted !== Number(r.counted_working_days) || light !== r.light) {
      out.push({ id: Number(r.id), code: r.code as string, countedDays: c.whole.counted, countedWorkingDays: c.approval.counted, light, lightChanged: light !== r.light });
      if (out.length >= limit) break;
    }
  }
  return out;
}
