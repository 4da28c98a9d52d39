import type { Knex } from 'knex';
import type { CountedRating, RaterKind } from '../../../workflows/marketScore';
import { fromColumns, toColumns, type ColumnMap } from '../columnMap';

/** A three-way rating as stored (migrations 025, 028): its marks, its moderation state, its version. */
export interface RatingRow {
  id: number;
  orderId: number;
  agencyId: number;
  raterKind: RaterKind;
  raterUserId: number | null;
  quality: number;
  timeliness: number;
  attitude: number;
  fees: number;
  conduct: number;
  comment: string;
  state: string;
  moderatedBy: number | null;
  moderationReason: string | null;
  rowVersion: number;
  lastSeq: number;
  createdAt: string;
  moderatedAt: string | null;
}

const COLUMNS: ColumnMap<Omit<RatingRow, 'id'>> = {
  orderId: 'order_id',
  agencyId: 'agency_id',
  raterKind: 'rater_kind',
  raterUserId: 'rater_user_id',
  quality: 'quality',
  timeliness: 'timeliness',
  attitude: 'attitude',
  fees: 'fees',
  conduct: 'conduct',
  comment: 'comment',
  state: 'status',
  moderatedBy: 'moderated_by',
  moderationReason: 'moderation_reason',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  createdAt: 'created_at',
  moderatedAt: 'moderated_at',
};

const NUMBERS = ['orderId', 'agencyId', 'quality', 'timeliness', 'attitude', 'fees', 'conduct', 'rowVersion', 'lastSeq'] as const;

export function ratingFromDb(r: Record<string, any>): RatingRow {
  const out = fromColumns(COLUMNS, r) as Record<string, unknown>;
  for (const k of NUMBERS) out[k] = Number(r[COLUMNS[k]]);
  out.raterUserId = r.rater_user_id == null ? null : Number(r.rater_user_id);
  out.moderatedBy = r.moderated_by == null ? null : Number(r.moderated_by);
  return out as unknown as RatingRow;
}

export async function insertRating(trx: Knex, r: Omit<RatingRow, 'id'>): Promise<number> {
  const [id] = await trx('market_ratings').insert(toColumns(COLUMNS, r));
  return Number(id);
}

export async function findRating(db: Knex, id: number, forUpdate = false): Promise<RatingRow | undefined> {
  const q = db('market_ratings').where('id', id);
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? ratingFromDb(r) : undefined;
}

export async function updateRatingIfVersion(trx: Knex, current: RatingRow, patch: Partial<RatingRow>): Promise<boolean> {
  const n = await trx('market_ratings').where({ id: current.id, row_version: current.rowVersion }).update(toColumns(COLUMNS, patch));
  return Number(n) === 1;
}

export async function ratingOfKind(db: Knex, orderId: number, raterKind: string): Promise<RatingRow | undefined> {
  const r = await db('market_ratings').where({ order_id: orderId, rater_kind: raterKind }).first();
  return r ? ratingFromDb(r) : undefined;
}

export async function ratingsOfOrder(db: Knex, orderId: number): Promise<RatingRow[]> {
  return (await db('market_ratings').where({ order_id: orderId }).orderBy('id')).map(ratingFromDb);
}

/** The moderation queue (or the ratings in another state), oldest first. */
export async function listRatingsByState(db: Knex, state: string, page: number, pageSize: number): Promise<{ total: number; rows: RatingRow[] }> {
  const [{ n }] = await db('market_ratings').where({ status: state }).count({ n: '*' });
  const rows = await db('market_ratings').where({ status: state }).orderBy('id', state === 'pending' ? 'asc' : 'desc').limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(n), rows: rows.map(ratingFromDb) };
}

/** An agency's approved ratings, as the score formula counts them (a locking read: the latest committed, on MySQL too). */
export async function countedRatingsOf(db: Knex, agencyId: number): Promise<CountedRating[]> {
  const rows = await db('market_ratings').where({ agency_id: agencyId, status: 'approved' }).select('order_id', 'rater_kind', 'quality', 'timeliness', 'attitude', 'fees', 'conduct').forShare();
  return rows.map((r: Record<string, any>) => ({
    orderId: Number(r.order_id),
    raterKind: r.rater_kind,
    quality: Number(r.quality),
    timeliness: Number(r.timeliness),
    attitude: Number(r.attitude),
    fees: Number(r.fees),
    conduct: Number(r.conduct),
  }));
}
