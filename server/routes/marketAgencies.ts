import { Router } from 'express';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { findAgency, findAgencyOfUser, type AgencyRow } from '../../db/repositories/market/agencies';
import { qualificationsOf, servicesOf, staffOf } from '../../db/repositories/market/agencyDetails';
import { listAgencies, reviewQueue } from '../../db/repositories/market/agencyQueries';
import { badActsOfAgency } from '../../db/repositories/market/badActs';
import { findUserById } from '../../db/repositories/users';
import { approvalItemsOf, findServiceItem, listServiceItems } from '../../db/repositories/market/serviceItems';
import { agencyOperationsIn, PUBLIC_AGENCY_STATES } from '../../workflows/agencyMachine';
import { chinaDate } from '../../workflows/calendar';
import { ancestorCode, levelOfCode, levelRank } from '../../workflows/levels';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { currentUser, requireUser } from '../http/auth';
import { AgencyIdParam, AgencyListQuery, AgencyOperationBody, AgencyRegistrationBody, ServiceItemCodeParam, ServiceItemListQuery } from '../http/marketAgencySchemas';
import { parseBody, parseQuery } from '../http/validate';
import { agencyNotFound, MARKET_CITY, operateAgency } from '../market/agencies/agencyAggregate';
import { registerAgency } from '../market/agencies/registerAgency';
import { canSeeAgency, isAgencyAccount, isMarketCentre, mayOperateAgency } from '../policies/marketAgencies';
import { presentAgencyEvent, presentAgencyProfile, presentAgencySummary, presentReviewEntry, presentServiceItem } from '../presenters/marketAgencies';

const serviceItemNotFound = () => new AppError('SERVICE_ITEM_NOT_FOUND', 404, 'No intermediary service item with this code');

/** The logged-in user as an actor; null for the public. */
const actorOf = (res: Parameters<typeof currentUser>[0]): Actor | null => {
  const user = currentUser(res);
  return user ? { kind: 'user', user } : null;
};

/** The areas whose agencies serve `area`: the area itself and, above a county, the city (an agency serving the city serves all of it). */
function servingAreas(area: string): string[] {
  const level = levelOfCode(area);
  if (levelRank(level) <= levelRank('city')) return [MARKET_CITY];
  return [ancestorCode(area, 'county'), MARKET_CITY];
}

/** The market's agencies and service items: public lists and profiles, registration, the centre's review and discipline. */
export function marketAgenciesRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;

  const profile = async (actor: Actor | null, a: AgencyRow) => {
    const privileged = isMarketCentre(actor) || isAgencyAccount(actor, a);
    const [qualifications, staff, services, badActs] = await Promise.all([qualificationsOf(db, a.id), staffOf(db, a.id), servicesOf(db, a.id), badActsOfAgency(db, a.id)]);
    const history = privileged ? (await listAggregateEvents(db, 'agency', [a.id])).map(presentAgencyEvent) : [];
    const operations = agencyOperationsIn(a.state).filter((t) => t !== 'REVIEW_OVERDUE' && mayOperateAgency(actor, a, t));
    return { agency: presentAgencyProfile(a, { qualifications, staff, services, badActs }, chinaDate(ctx.now()), privileged), operations, history };
  };

  r.get('/market/agencies', async (req, res) => {
    const actor = actorOf(res);
    const query = parseQuery(AgencyListQuery, req.query);
    if (query.status && !PUBLIC_AGENCY_STATES.includes(query.status) && !isMarketCentre(actor)) throw forbidden('Only the centre lists registrations that are pending or rejected');
    const { total, rows } = await listAgencies(
      db,
      {
        states: query.status ? [query.status] : PUBLIC_AGENCY_STATES,
        onSite: query.onSite === undefined ? undefined : query.onSite === 'true',
        serviceItem: query.serviceItem,
        areas: query.area ? servingAreas(query.area) : undefined,
        q: query.q,
      },
      query.page,
      query.pageSize,
    );
    res.json({ total, page: query.page, pageSize: query.pageSize, agencies: rows.map(presentAgencySummary) });
  });

  r.post('/market/agencies', async (req, res) => {
    const body = parseBody(AgencyRegistrationBody, req.body);
    const result = await registerAgency(ctx, body);
    const user = (await findUserById(db, result.row.userId!))!;
    res.status(201).json({ ...(await profile({ kind: 'user', user }, result.row)), username: user.username });
  });

  // The agency account's own agency (its workbench and appeal start here).
  r.get('/market/my-agency', async (_req, res) => {
    const user = requireUser(res, ['intermediary']);
    const a = await findAgencyOfUser(db, user.id);
    if (!a) throw agencyNotFound();
    res.json(await profile({ kind: 'user', user }, a));
  });

  r.get('/market/agencies/:id', async (req, res) => {
    const actor = actorOf(res);
    const id = AgencyIdParam.safeParse(req.params.id);
    const a = id.success ? await findAgency(db, id.data) : undefined;
    if (!a || !canSeeAgency(actor, a)) throw agencyNotFound();
    res.json(await profile(actor, a));
  });

  r.post('/market/agencies/:id/operations', async (req, res) => {
    const user = requireUser(res);
    const id = AgencyIdParam.safeParse(req.params.id);
    if (!id.success) throw agencyNotFound();
    const { expectedVersion, ...action } = parseBody(AgencyOperationBody, req.body);
    const actor: Actor = { kind: 'user', user };
    const result = await operateAgency(ctx, { key: String(id.data), actor, action, expectedVersion });
    res.json({ ...(await profile(actor, result.row)), event: presentAgencyEvent(result.event) });
  });

  // The centre's queue: registrations and appeals awaiting review, overdue first.
  r.get('/market/review', async (_req, res) => {
    const user = requireUser(res, ['supervisor']);
    if (!isMarketCentre({ kind: 'user', user })) throw forbidden('Only the city centre’s supervisors review agencies');
    const rows = await reviewQueue(db);
    res.json({ total: rows.length, reviewDays: ctx.config.MARKET_REVIEW_DAYS, entries: rows.map(presentReviewEntry) });
  });

  r.get('/market/service-items', async (req, res) => {
    const query = parseQuery(ServiceItemListQuery, req.query);
    const { total, rows } = await listServiceItems(db, query, query.page, query.pageSize);
    res.json({ total, page: query.page, pageSize: query.pageSize, serviceItems: rows.map(presentServiceItem) });
  });

  r.get('/market/service-items/:code', async (req, res) => {
    const code = ServiceItemCodeParam.safeParse(req.params.code);
    const item = code.success ? await findServiceItem(db, code.data) : undefined;
    if (!item) throw serviceItemNotFound();
    const [approvalItems, agencies] = await Promise.all([approvalItemsOf(db, item.code), listAgencies(db, { states: ['listed'], serviceItem: item.code }, 1, 100)]);
    res.json({ serviceItem: presentServiceItem(item), approvalItems, agencies: { total: agencies.total, list: agencies.rows.map(presentAgencySummary) } });
  });

  return r;
}
