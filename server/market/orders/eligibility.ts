import type { Knex } from 'knex';
import { countOpenOrdersOf, type OrderRow } from '../../../db/repositories/market/orders';
import { offersService, qualificationsOf, type AgencyFacts } from '../../../db/repositories/market/signups';
import { isWithin } from '../../../workflows/levels';
import { OPEN_ORDER_STATES } from '../../../workflows/marketOrderMachine';
import { AppError } from '../../errors';

/** Qualification levels, highest first: a higher level meets a lower requirement. */
const LEVELS = ['甲级', '乙级', '丙级', '丁级'];

export function levelMeets(held: string, required: string | null): boolean {
  if (!required) return true;
  const h = LEVELS.indexOf(held);
  const r = LEVELS.indexOf(required);
  return h >= 0 && r >= 0 ? h <= r : held === required;
}

const refuse = (code: string, message: string) => new AppError(code, 422, message);

/**
 * Whether an agency may sign up to (or be chosen for) an order; throws the
 * refusal with its stable code. Read from A's tables: the agency's state,
 * services, qualifications (unexpired, level) and areas.
 */
export async function checkEligible(db: Knex, o: OrderRow, agency: AgencyFacts, today: string, maxOpen: number): Promise<void> {
  if (agency.state !== 'listed') throw new AppError('MARKET_AGENCY_NOT_LISTED', 403, `The agency is ${agency.state}, not listed in the market: it may not sign up`);
  // The owner itself: its own account, or the legal person the order was posted for.
  if ((agency.userId !== null && agency.userId === o.ownerUserId) || (o.ownerKind === 'legal_person' && o.ownerName.trim() === agency.name.trim())) throw new AppError('MARKET_OWN_ORDER', 403, 'An agency does not sign up to its own order');
  if (o.avoidedAgencies.includes(agency.id)) throw new AppError('MARKET_AGENCY_AVOIDED', 403, 'The owner must avoid this agency (回避: a conflict of interest)');
  if (!(await offersService(db, agency.id, o.serviceItemCode))) throw refuse('MARKET_SERVICE_NOT_OFFERED', `The agency does not offer the service item ${o.serviceItemCode}`);
  const quals = (await qualificationsOf(db, agency.id)).filter((q) => q.name === o.requiredQualification && q.expiresOn >= today);
  if (!quals.some((q) => levelMeets(q.level, o.requiredLevel))) {
    throw refuse('MARKET_QUALIFICATION_MISSING', `The order requires ${o.requiredQualification}${o.requiredLevel ? `（${o.requiredLevel}或以上）` : ''}, unexpired`);
  }
  if (!agency.areas.some((a) => isWithin(o.jurisdictionCode, a))) throw refuse('MARKET_AREA_NOT_SERVED', 'The agency does not serve the order’s area');
  if ((await countOpenOrdersOf(db, agency.id, OPEN_ORDER_STATES)) >= maxOpen) {
    throw new AppError('MARKET_TOO_MANY_ORDERS', 409, `The agency already holds ${maxOpen} open orders (MARKET_MAX_OPEN_ORDERS)`, { limit: maxOpen });
  }
}
