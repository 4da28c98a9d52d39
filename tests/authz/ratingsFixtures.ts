import type { Api } from '../helpers/api';
import { caseAt } from './fixtures';

/**
 * The rating routes' target: a case of `applicant` accepted at 安澜社区 (now at the town's review), rated
 * 1 for its acceptance by `applicant`: its rectification is at the village centre's desk, not yet verified.
 */
export async function ratingsFixtures(api: Api): Promise<{ caseNo: string; rectificationId: number }> {
  const c = await caseAt(api, 'townReview');
  const marks = { stage: 'accept', overall: 1, efficiency: 1, guideAccuracy: 2, convenience: 1, usability: 2, comment: '授权矩阵' };
  const rated = await api.as('applicant', 'POST', `/api/cases/${c.caseNo}/rating`, marks);
  if (rated.status !== 201 || !rated.body.rectification) throw new Error(`rating the matrix's case: ${rated.status} ${JSON.stringify(rated.body)}`);
  return { caseNo: c.caseNo, rectificationId: rated.body.rectification.id };
}
