import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { parseJson } from '../../connection';

/** An investment project: an aggregate row of the one command path (workflows/projectMachine.ts). */
export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  type: 'approval' | 'permit' | 'filing';
  industry: string;
  investment: number;
  landStatus: string;
  location: string;
  jurisdictionCode: string;
  jurisdictionPath: string;
  ownerUserId: number;
  ownerName: string;
  ownerUscc: string;
  ownerLegalRep: string;
  ownerPhone: string;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  currentStage: number | null;
  countedDays: number;
  countedWorkingDays: number;
  light: string;
  codedOn: string;
  completedOn: string | null;
  createdAt: string;
  updatedAt: string;
  /** Not a column: the users of the agents acting for the owner now (proxy orders in service), read with the row for the live message. */
  actingUserIds?: number[];
}

const COLUMNS: Record<Exclude<keyof ProjectRow, 'actingUserIds'>, string> = {
  id: 'id',
  code: 'code',
  name: 'name',
  type: 'type',
  industry: 'industry',
  investment: 'investment',
  landStatus: 'land_status',
  location: 'location',
  jurisdictionCode: 'jurisdiction_code',
  jurisdictionPath: 'jurisdiction_path',
  ownerUserId: 'owner_user_id',
  ownerName: 'owner_name',
  ownerUscc: 'owner_uscc',
  ownerLegalRep: 'owner_legal_rep',
  ownerPhone: 'owner_phone',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  currentStage: 'current_stage',
  countedDays: 'counted_days',
  countedWorkingDays: 'counted_working_days',
  light: 'light',
  codedOn: 'coded_on',
  completedOn: 'completed_on',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function toDb(patch: Partial<ProjectRow>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id' || k === 'actingUserIds' || v === undefined) continue;
    row[COLUMNS[k as keyof typeof COLUMNS]] = k === 'machineContext' ? JSON.stringify(v) : v;
  }
  return row;
}

export function projectFromDb(r: Record<string, any>): ProjectRow {
  const out = {} as Record<string, unknown>;
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  const row = out as unknown as ProjectRow;
  for (const k of ['id', 'investment', 'ownerUserId', 'rowVersion', 'lastSeq', 'countedDays', 'countedWorkingDays'] as const) row[k] = Number(r[COLUMNS[k]]);
  row.currentStage = r.current_stage == null ? null : Number(r.current_stage);
  row.machineContext = parseJson(r.machine_context);
  return row;
}

export async function insertProject(trx: Knex, p: Omit<ProjectRow, 'id'>): Promise<number> {
  const [id] = await trx('projects').insert(toDb(p));
  return Number(id);
}

/** The users of the agents serving the project's owner now (proxy orders in service). */
export async function actingAgentUserIds(db: Knex, projectId: number): Promise<number[]> {
  const rows = await db('proxy_orders as o').join('proxy_agents as a', 'a.id', 'o.agent_id').where({ 'o.project_id': projectId, 'o.state': 'in_service' }).whereNotNull('a.user_id').select('a.user_id');
  return [...new Set(rows.map((r: { user_id: number }) => Number(r.user_id)))];
}

export async function findProjectByCode(db: Knex, code: string, forUpdate = false): Promise<ProjectRow | undefined> {
  const q = db('projects').where({ code });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  if (!r) return undefined;
  const row = projectFromDb(r);
  row.actingUserIds = await actingAgentUserIds(db, row.id);
  return row;
}

export async function findProjectById(db: Knex, id: number): Promise<ProjectRow | undefined> {
  const r = await db('projects').where({ id }).first();
  return r ? projectFromDb(r) : undefined;
}

export async function updateProjectIfVersion(trx: Knex, current: ProjectRow, patch: Partial<ProjectRow>): Promise<boolean> {
  const n = await trx('projects').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

/**
 * The next serial of the code for a year and area, under the serial row's lock: the row is made at 0 if it is
 * the first (INSERT … ON CONFLICT DO NOTHING / INSERT IGNORE, so two first registrations never collide), then
 * locked, read and moved on.
 */
export async function nextProjectSerial(trx: Knex, year: number, areaCode: string): Promise<number> {
  // One upsert takes the row's exclusive lock at once: an INSERT IGNORE then SELECT FOR UPDATE
  // took a shared lock first, and on MariaDB concurrent registrations deadlocked upgrading it.
  await trx('project_serials')
    .insert({ year, area_code: areaCode, last_serial: 1 })
    .onConflict(['year', 'area_code'])
    .merge({ last_serial: trx.raw('?? + 1', ['project_serials.last_serial']) });
  const row = await trx('project_serials').where({ year, area_code: areaCode }).first('last_serial');
  return Number(row.last_serial);
}

export interface ProjectFilter {
  ownerUserId?: number;
  within?: string;
  /** Projects whose owner an agent serves (the agent's user id). */
  actingUserId?: number;
  state?: string;
  stage?: number;
  light?: string;
  q?: string;
  offset: number;
  limit: number;
}

function filtered(db: Knex, f: ProjectFilter): Knex.QueryBuilder {
  const q = db('projects');
  if (f.ownerUserId !== undefined) q.where('owner_user_id', f.ownerUserId);
  if (f.within) q.where('jurisdiction_code', 'like', `${codePrefix(f.within)}%`);
  if (f.actingUserId !== undefined) {
    q.whereIn('id', db('proxy_orders as o').join('proxy_agents as a', 'a.id', 'o.agent_id').where({ 'a.user_id': f.actingUserId, 'o.state': 'in_service' }).whereNotNull('o.project_id').select('o.project_id'));
  }
  if (f.state) q.where('state', f.state);
  if (f.stage !== undefined) q.where('current_stage', f.stage);
  if (f.light) q.where('light', f.light);
  if (f.q) q.where((w) => w.where('name', 'like', `%${f.q}%`).orWhere('code', 'like', `%${f.q}%`).orWhere('owner_name', 'like', `%${f.q}%`));
  return q;
}

export async function listProjects(db: Knex, f: ProjectFilter): Promise<{ rows: ProjectRow[]; total: number }> {
  const [{ n }] = (await filtered(db, f).count({ n: '*' })) as { n: number | string }[];
  const rows = await filtered(db, f).select('*').orderBy('id', 'desc').offset(f.offset).limit(f.limit);
  return { rows: rows.map(projectFromDb), total: Number(n) };
}
