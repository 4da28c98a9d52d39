import type { Knex } from 'knex';
import { insertBadAct } from '../../../db/repositories/market/badActs';
import { countedRatingsOf } from '../../../db/repositories/market/ratings';
import { countCountedBadActs, findRatedAgency, writeAgencyScore, type RatedAgency } from '../../../db/repositories/market/ratingSubjects';
import { ancestorCode, levelOfCode } from '../../../workflows/levels';
import { agencyScore, orderComposite, type AgencyScore, type RatingWeights } from '../../../workflows/marketScore';

/**
 * The agency's score, stars and rated orders from its approved ratings and
 * its counted bad acts (agencyScore, weights MARKET_RATING_WEIGHTS), written
 * to market_agencies in the caller's transaction.
 */
export async function recomputeAgencyScore(trx: Knex, agencyId: number, weights: RatingWeights, at: string): Promise<AgencyScore> {
  await lockAgency(trx, agencyId);
  const score = agencyScore(await countedRatingsOf(trx, agencyId), weights, await countCountedBadActs(trx, agencyId));
  await writeAgencyScore(trx, agencyId, score, at);
  return score;
}

/**
 * Two approvals of one agency's ratings at once: the agency row is locked
 * first and the ratings read with a locking read, so the second recompute
 * waits for the first and counts its rating (no lost update on MySQL).
 */
export async function lockAgency(trx: Knex, agencyId: number): Promise<void> {
  await trx('market_agencies').where({ id: agencyId }).forUpdate().first('id');
}

/** The credit subject of an agency's bad act: the legal person by its USCC. */
export function agencySubject(a: RatedAgency, department: string) {
  return { subjectType: 'organisation' as const, subjectCode: a.uscc, subjectName: a.name, jurisdictionCode: a.jurisdictionCode, department };
}

/**
 * One star (一星): once an order's approved ratings make a composite below 2,
 * a bad act `one_star` (and its credit record) is written for the order, once.
 */
export async function oneStarBadAct(trx: Knex, orderId: number, agencyId: number, weights: RatingWeights, at: string): Promise<boolean> {
  await lockAgency(trx, agencyId);
  const ratings = (await countedRatingsOf(trx, agencyId)).filter((r) => r.orderId === orderId);
  const composite = orderComposite(ratings, weights);
  if (composite === null || composite >= 2) return false;
  const already = await trx('market_bad_acts').where({ order_id: orderId, agency_id: agencyId, kind: 'one_star' }).forShare().first('id');
  if (already) return false;
  const agency = (await findRatedAgency(trx, agencyId))!;
  await insertBadAct(
    trx,
    { agencyId, orderId, kind: 'one_star', reason: `订单综合评价 ${composite.toFixed(2)} 分，低于 2 分（一星）`, recordedBy: null, recordedRole: 'centre', actorDepartment: null, createdAt: at },
    agencySubject(agency, 'centre'),
  );
  return true;
}

/** The city whose centre (supervision room) watches an order in this jurisdiction. */
export const centreCityOf = (jurisdictionCode: string) => (levelOfCode(jurisdictionCode) === 'province' ? jurisdictionCode : ancestorCode(jurisdictionCode, 'city'));
