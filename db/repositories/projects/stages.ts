import type { Knex } from 'knex';
import { parseJson } from '../../connection';

export interface StageRow {
  projectId: number;
  stage: number;
  state: 'not_started' | 'in_progress' | 'held' | 'completed';
  holdReason: string | null;
  form: Record<string, unknown> | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface StageCaseRow {
  caseId: number;
  projectId: number;
  stage: number;
  caseNo: string;
  itemCode: string;
}

export interface StageFileRow {
  id: number;
  projectId: number;
  stage: number;
  material: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  createdAt: string;
}

export interface WaitRow {
  id: number;
  projectId: number;
  kind: string;
  note: string;
  startedAt: string;
  endedAt: string | null;
  declaredByUserId: number | null;
}

/** The four stage rows of a new project, none started. */
export async function insertStages(trx: Knex, projectId: number): Promise<void> {
  await trx('project_stages').insert([1, 2, 3, 4].map((stage) => ({ project_id: projectId, stage, state: 'not_started' })));
}

export async function listStages(db: Knex, projectId: number): Promise<StageRow[]> {
  const rows = await db('project_stages').where({ project_id: projectId }).orderBy('stage');
  return rows.map((r: Record<string, any>) => ({
    projectId: Number(r.project_id),
    stage: Number(r.stage),
    state: r.state,
    holdReason: r.hold_reason ?? null,
    form: r.form ? parseJson<Record<string, unknown>>(r.form) : null,
    startedAt: r.started_at ?? null,
    completedAt: r.completed_at ?? null,
  }));
}

export async function patchStage(trx: Knex, projectId: number, stage: number, patch: { state: StageRow['state']; holdReason?: string | null; form?: unknown; startedAt?: string; completedAt?: string | null }): Promise<void> {
  const row: Record<string, unknown> = { state: patch.state };
  if (patch.holdReason !== undefined) row.hold_reason = patch.holdReason;
  if (patch.form !== undefined) row.form = JSON.stringify(patch.form);
  if (patch.startedAt !== undefined) row.started_at = patch.startedAt;
  if (patch.completedAt !== undefined) row.completed_at = patch.completedAt;
  await trx('project_stages').where({ project_id: projectId, stage }).update(row);
}

export async function insertStageCase(trx: Knex, c: StageCaseRow): Promise<void> {
  await trx('project_stage_cases').insert({ case_id: c.caseId, project_id: c.projectId, stage: c.stage, case_no: c.caseNo, item_code: c.itemCode });
}

export async function findStageCase(db: Knex, caseId: number): Promise<StageCaseRow | undefined> {
  const r = await db('project_stage_cases').where({ case_id: caseId }).first();
  return r ? { caseId: Number(r.case_id), projectId: Number(r.project_id), stage: Number(r.stage), caseNo: r.case_no, itemCode: r.item_code } : undefined;
}

/** The cases of a project (of one stage), with where each stands now. */
export async function listStageCases(db: Knex, projectId: number, stage?: number) {
  const q = db('project_stage_cases as p').join('cases as c', 'c.id', 'p.case_id').where('p.project_id', projectId).orderBy(['p.stage', 'p.case_id']);
  if (stage !== undefined) q.where('p.stage', stage);
  const rows = await q.select('p.stage', 'p.case_id', 'p.case_no', 'p.item_code', 'c.state', 'c.light', 'c.current_level', 'c.current_department', 'c.centre_code', 'c.filed_at', 'c.decided_at');
  return rows.map((r: Record<string, any>) => ({
    stage: Number(r.stage),
    caseId: Number(r.case_id),
    caseNo: r.case_no as string,
    itemCode: r.item_code as string,
    state: r.state as string,
    light: r.light as string,
    level: r.current_level as string,
    department: (r.current_department ?? null) as string | null,
    centreCode: r.centre_code as string,
    filedAt: r.filed_at as string,
    decidedAt: (r.decided_at ?? null) as string | null,
  }));
}

export async function insertStageFile(trx: Knex, f: Omit<StageFileRow, 'id'>): Promise<number> {
  const [id] = await trx('project_stage_files').insert({ project_id: f.projectId, stage: f.stage, material: f.material, sha256: f.sha256, size: f.size, media_type: f.mediaType, original_name: f.originalName, created_at: f.createdAt });
  return Number(id);
}

export async function listStageFiles(db: Knex, projectId: number, stage?: number): Promise<StageFileRow[]> {
  const q = db('project_stage_files').where({ project_id: projectId }).orderBy('id');
  if (stage !== undefined) q.where({ stage });
  const rows = await q;
  return rows.map((r: Record<string, any>) => ({ id: Number(r.id), projectId: Number(r.project_id), stage: Number(r.stage), material: r.material, sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, originalName: r.original_name, createdAt: r.created_at }));
}

export async function insertWait(trx: Knex, w: Omit<WaitRow, 'id'>): Promise<number> {
  const [id] = await trx('project_waits').insert({ project_id: w.projectId, kind: w.kind, note: w.note, started_at: w.startedAt, ended_at: w.endedAt, declared_by_user_id: w.declaredByUserId });
  return Number(id);
}

export async function endWait(trx: Knex, id: number, at: string): Promise<void> {
  await trx('project_waits').where({ id }).update({ ended_at: at });
}

export async function listWaits(db: Knex, projectId: number): Promise<WaitRow[]> {
  const rows = await db('project_waits').where({ project_id: projectId }).orderBy('id');
  return rows.map((r: Record<string, any>) => ({ id: Number(r.id), projectId: Number(r.project_id), kind: r.kind, note: r.note, startedAt: r.started_at, endedAt: r.ended_at ?? null, declaredByUserId: r.declared_by_user_id == null ? null : Number(r.declared_by_user_id) }));
}
