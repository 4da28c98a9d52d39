import type { Knex } from 'knex';
import { toBool } from '../../connection';

export type RatingStage = 'accept' | 'final';

/** An applicant's rating of one stage of a case (好差评): written once, never changed by staff. */
export interface CaseRatingRow {
  id: number;
  caseId: number;
  caseNo: string;
  stage: RatingStage;
  /** 整体满意度, the rating itself (1 非常不满意 … 5 非常满意). */
  overall: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  usability: number;
  comment: string | null;
  anonymous: boolean;
  channel: 'account' | 'queryCode';
  ratedByUserId: number | null;
  itemCode: string;
  itemDepartment: string;
  centreCode: string;
  deskLevel: string;
  deskJurisdiction: string;
  deskDepartment: string | null;
  excluded: boolean;
  month: string;
  createdAt: string;
}

/** One act of staff within the rated stage: the desk and the person the rating reaches. */
export interface RatingHandler {
  seq: number;
  type: string;
  level: string | null;
  jurisdictionCode: string | null;
  department: string | null;
  userId: number | null;
  actorName: string;
}

const COLUMNS: Record<keyof CaseRatingRow, string> = {
  id: 'id',
  caseId: 'case_id',
  caseNo: 'case_no',
  stage: 'stage',
  overall: 'overall',
  efficiency: 'efficiency',
  guideAccuracy: 'guide_accuracy',
  convenience: 'convenience',
  usability: 'usability',
  comment: 'comment',
  anonymous: 'anonymous',
  channel: 'channel',
  ratedByUserId: 'rated_by_user_id',
  itemCode: 'item_code',
  itemDepartment: 'item_department',
  centreCode: 'centre_code',
  deskLevel: 'desk_level',
  deskJurisdiction: 'desk_jurisdiction',
  deskDepartment: 'desk_department',
  excluded: 'excluded',
  month: 'month',
  createdAt: 'created_at',
};

function fromDb(r: Record<string, any>): CaseRatingRow {
  const out = {} as Record<string, unknown>;
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  const row = out as unknown as CaseRatingRow;
  for (const k of ['id', 'caseId', 'overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'] as const) row[k] = Number(r[COLUMNS[k]]);
  row.ratedByUserId = r.rated_by_user_id == null ? null : Number(r.rated_by_user_id);
  row.anonymous = toBool(r.anonymous);
  row.excluded = toBool(r.excluded);
  return row;
}

export async function insertRating(trx: Knex, r: Omit<CaseRatingRow, 'id'>, handlers: RatingHandler[]): Promise<number> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) row[COLUMNS[k as keyof CaseRatingRow]] = v;
  const [id] = await trx('case_ratings').insert(row);
  const ratingId = Number(id);
  if (handlers.length)
    await trx('case_rating_handlers').insert(
      handlers.map((h) => ({ rating_id: ratingId, seq: h.seq, type: h.type, level: h.level, jurisdiction_code: h.jurisdictionCode, department: h.department, user_id: h.userId, actor_name: h.actorName })),
    );
  return ratingId;
}

export async function findRatingOfStage(db: Knex, caseId: number, stage: RatingStage): Promise<CaseRatingRow | undefined> {
  const r = await db('case_ratings').where({ case_id: caseId, stage }).first();
  return r ? fromDb(r) : undefined;
}

export async function findRating(db: Knex, id: number): Promise<CaseRatingRow | undefined> {
  const r = await db('case_ratings').where({ id }).first();
  return r ? fromDb(r) : undefined;
}

export async function listRatingsOfCase(db: Knex, caseId: number): Promise<CaseRatingRow[]> {
  return (await db('case_ratings').where({ case_id: caseId }).orderBy('id')).map(fromDb);
}

export async function listHandlers(db: Knex, ratingId: number): Promise<RatingHandler[]> {
  const rows = await db('case_rating_handlers').where({ rating_id: ratingId }).orderBy('seq');
  return rows.map((h: Record<string, any>) => ({
    seq: Number(h.seq),
    type: h.type,
    level: h.level ?? null,
    jurisdictionCode: h.jurisdiction_code ?? null,
    department: h.department ?? null,
    userId: h.user_id == null ? null : Number(h.user_id),
    actorName: h.actor_name,
  }));
}

/** A supervisor upheld the desk's appeal: the rating was malicious or wrong and leaves every figure. */
export async function excludeRating(trx: Knex, id: number): Promise<void> {
  await trx('case_ratings').where({ id }).update({ excluded: true });
}
