import type { Knex } from 'knex';
import type { Api } from '../helpers/api';
import { buildAgency, buildCompletedOrder, buildServiceItem } from '../helpers/marketFactories';

/**
 * The market routes' target: a completed order of `applicant` in 鹿城区 (a service item of the market
 * department), served by an agency of its own, rated by its three raters and every rating approved; a
 * complaint of `applicant` about it, closed by the centre.
 */
export async function marketFixtures(api: Api, db: Knex): Promise<{ orderId: number; agencyId: number; ratingId: number; complaintId: number }> {
  const item = (await buildServiceItem(db, { department: 'market' })).code;
  const agency = await buildAgency(db, { services: [item] });
  const ownerUserId = Number((await db('users').where({ username: 'applicant' }).first('id')).id);
  const order = await buildCompletedOrder(db, { agencyId: agency.id, ownerUserId, serviceItemCode: item });
  const marks = { quality: 4, timeliness: 4, attitude: 4, fees: 4, conduct: 4 };
  let ratingId = 0;
  for (const rater of ['applicant', 'reviewer.county', 'supervisor.city']) {
    const rated = await api.as(rater, 'POST', `/api/market/orders/${order.id}/ratings`, marks);
    if (rated.status !== 201) throw new Error(`rating the matrix's order as ${rater}: ${rated.status} ${JSON.stringify(rated.body)}`);
    ratingId = rated.body.rating.id;
    const ok = await api.as('supervisor.city', 'POST', `/api/market/ratings/${ratingId}/moderate`, { type: 'APPROVE' });
    if (ok.status !== 200) throw new Error(`approving the matrix's rating: ${ok.status} ${JSON.stringify(ok.body)}`);
  }
  const filed = await api.as('applicant', 'POST', `/api/market/orders/${order.id}/complaints`, { reason: '授权矩阵' });
  if (filed.status !== 201) throw new Error(`the matrix's complaint: ${filed.status} ${JSON.stringify(filed.body)}`);
  const closed = await api.as('supervisor.city', 'POST', `/api/market/complaints/${filed.body.complaint.id}/close`, { outcome: '授权矩阵' });
  if (closed.status !== 200) throw new Error(`closing the matrix's complaint: ${closed.status} ${JSON.stringify(closed.body)}`);
  return { orderId: order.id, agencyId: agency.id, ratingId, complaintId: filed.body.complaint.id };
}
