import type { Knex } from 'knex';
import { insertBadAct } from '../../repositories/market/badActs';
import type { ItemVersion } from '../../../workflows/route';
import { addCalendarDays } from '../../../workflows/calendar';
import { APPEAL_DAYS, initialAgencyContext } from '../../../workflows/agencyMachine';
import { buildAgencies, DEMO_AGENCIES, type AgencySeed } from './agencies';
import { buildHistory, EXPULSION_REASONS, scoresOf } from './history';
import { buildServiceItems, type ServiceItemSeed } from './serviceItems';

async function insertChunked(trx: Knex, table: string, rows: Record<string, unknown>[], size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await trx(table).insert(rows.slice(i, i + size));
}

/**
 * Each service item's approval items: those of its department whose guide
 * names it as a needed intermediary service, and two more of its department.
 */
export function buildItemLinks(items: readonly ServiceItemSeed[], catalogue: readonly ItemVersion[]): { service_item_code: string; item_code: string }[] {
  const out: { service_item_code: string; item_code: string }[] = [];
  items.forEach((s, k) => {
    const ofDept = [...new Map(catalogue.filter((c) => c.department === s.department).map((c) => [c.code, c])).values()];
    const named = ofDept.filter((c) => c.intermediaries.some((im) => im === s.name || s.name.includes(im) || im.includes(s.name)));
    const picks = [...named, ofDept[(k * 7) % ofDept.length]!, ofDept[(k * 13 + 3) % ofDept.length]!];
    for (const code of new Set(picks.map((c) => c.code))) out.push({ service_item_code: s.code, item_code: code });
  });
  return out;
}

const seedDay = (a: AgencySeed) => `2024-${String(1 + (a.index % 12)).padStart(2, '0')}-${String(1 + (a.index % 27)).padStart(2, '0')}`;

/** The market's reference data and history: 121 service items and their links, 630 agencies, completed orders and approved ratings. */
export async function seedMarket(trx: Knex, catalogue: readonly ItemVersion[]): Promise<void> {
  const items = buildServiceItems();
  const agencies = buildAgencies(items);
  const users = await trx('users').whereIn('username', ['applicant', ...DEMO_AGENCIES.map((d) => d.username)]).select('id', 'username');
  const userId = new Map(users.map((u: { id: number; username: string }) => [u.username, Number(u.id)]));
  const { orders, ratings } = buildHistory(agencies, items, userId.get('applicant') ?? 1);
  const expelled = agencies.filter((a) => a.state === 'expelled');
  const badActs = new Map(expelled.map((a) => [a.index, 1]));
  const scores = scoresOf(agencies, orders, ratings, badActs);

  await insertChunked(trx, 'market_service_items', items.map((s) => ({ code: s.code, name: s.name, category: s.category, department: s.department, government_paid: s.governmentPaid, description: s.description, required_qualification: s.requiredQualification })));
  await insertChunked(trx, 'market_item_links', buildItemLinks(items, catalogue), 400);
  await insertChunked(
    trx,
    'market_agencies',
    agencies.map((a, i) => {
      const registered = `${seedDay(a)} 09:30:00`;
      const x = EXPULSION_REASONS[expelled.indexOf(a)];
      const expelledOn = '2026-0' + (3 + expelled.indexOf(a)) + '-15';
      const context = {
        ...initialAgencyContext(),
        ...(a.state === 'expelled' ? { note: x![1], decisionNo: `温审管中介〔2026〕${expelled.indexOf(a) + 1}号`, expelledOn, appealUntil: addCalendarDays(expelledOn, APPEAL_DAYS) } : {}),
        ...(a.state === 'suspended' ? { note: '资质证书变更未及时报备，暂停承接业务待整改' } : {}),
      };
      return {
        id: a.index + 1,
        user_id: userId.get(DEMO_AGENCIES[a.index]?.username ?? '') ?? null,
        name: a.name,
        uscc: a.uscc,
        legal_representative: a.legalRepresentative,
        contact_phone: a.contactPhone,
        address: a.address,
        jurisdiction_code: a.jurisdictionCode,
        on_site: a.onSite,
        areas: JSON.stringify(a.areas),
        introduction: a.introduction,
        state: a.state,
        machine_context: JSON.stringify(context),
        row_version: 1,
        last_seq: 0,
        review_due_on: a.state === 'pending' ? (a.index % 2 === 0 ? '2026-11-20' : '2027-12-31') : null,
        score: scores[i]!.score,
        stars: scores[i]!.stars,
        rated_orders: scores[i]!.ratedOrders,
        completed_orders: scores[i]!.completedOrders,
        open_orders: 0,
        state_reason: context.note,
        registered_at: registered,
        listed_at: a.state === 'pending' ? null : `${seedDay(a)} 15:00:00`,
        updated_at: registered,
      };
    }),
    100,
  );
  await insertChunked(trx, 'market_qualifications', agencies.flatMap((a) => a.qualifications.map((q) => ({ agency_id: a.index + 1, name: q.name, level: q.level, certificate_no: q.certificateNo, issued_by: q.issuedBy, expires_on: q.expiresOn }))), 300);
  await insertChunked(trx, 'market_staff', agencies.flatMap((a) => a.staff.map((s) => ({ agency_id: a.index + 1, name: s.name, title: s.title, certificate_no: s.certificateNo }))), 300);
  await insertChunked(trx, 'market_agency_services', agencies.flatMap((a) => a.services.map((c) => ({ agency_id: a.index + 1, service_item_code: c }))), 400);
  await insertChunked(trx, 'market_orders', orders.map((o) => o.row), 100);
  await insertChunked(
    trx,
    'market_ratings',
    ratings.map((r) => ({ order_id: r.orderId, agency_id: r.agencyIndex + 1, rater_kind: r.raterKind, rater_user_id: null, quality: r.quality, timeliness: r.timeliness, attitude: r.attitude, fees: r.fees, conduct: r.conduct, comment: r.comment, status: 'approved', moderated_by: null, moderation_reason: null, created_at: '2026-10-01 10:00:00', moderated_at: '2026-10-02 10:00:00' })),
    200,
  );
  for (const [n, a] of expelled.entries()) {
    const [kind, reason] = EXPULSION_REASONS[n]!;
    await insertBadAct(
      trx,
      { agencyId: a.index + 1, orderId: orders.find((o) => o.agencyIndex === a.index)?.id ?? null, kind, reason, recordedBy: null, recordedRole: 'supervisor', actorDepartment: null, createdAt: `2026-0${3 + n}-10 10:00:00` },
      { subjectType: 'organisation', subjectCode: a.uscc, subjectName: a.name, jurisdictionCode: a.jurisdictionCode, department: 'centre' },
    );
  }
}
