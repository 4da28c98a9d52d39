import { Router, type Request, type Response } from 'express';
import { findCaseByNo, type CaseRow } from '../../db/repositories/cases';
import { listCaseEvents } from '../../db/repositories/caseEvents';
import { findItemById } from '../../db/repositories/items';
import { chinaDate } from '../../workflows/calendar';
import type { Actor } from '../auth/actor';
import { queryCodeMatches } from '../auth/queryCode';
import { fileCase } from '../commands/fileCase';
import { transitionCase, type ActionInput } from '../commands/transitionCase';
import type { AppContext } from '../context';
import { caseNotFound, notFound, unauthenticated } from '../errors';
import { currentUser, requireUser } from '../http/auth';
import { ActionBody, CaseNoParam, CasesQuery, EventsQuery, FileCaseBody } from '../http/schemas';
import { parseBody, parseQuery } from '../http/validate';
import { availableActions } from '../policies/availableActions';
import { canViewCase, personalDataView } from '../policies/cases';
import { presentCase, presentEvent } from '../presenters/case';
import { searchCases } from '../search/searchCases';
import { clientAddress, rateLimitsOf } from '../security/httpLimits';


/**
 * Who is asking about this case: a logged-in user, or whoever holds its
 * query code. A wrong code, an unknown case and a case the user may not see
 * answer alike, so none tells a guesser which case numbers exist (wrong
 * codes count against the rate limit).
 */
export async function resolveCaseAccess(ctx: AppContext, req: Request, res: Response): Promise<{ actor: Actor; row: CaseRow }> {
  const caseNo = parseQuery(CaseNoParam, req.params.caseNo);
  const user = currentUser(res);
  const code = req.get('x-query-code');
  const row = await findCaseByNo(ctx.db.knex, caseNo);
  if (user) {
    if (!row) throw caseNotFound();
    const actor: Actor = { kind: 'user', user };
    if (!canViewCase(actor, row)) throw caseNotFound();
    return { actor, row };
  }
  if (!code) throw unauthenticated('Log in, or send the case’s query code in the X-Query-Code header');
  // Spends a guess of the caller's address (shared with sockets and other processes), refunded if the code is right.
  const right = await rateLimitsOf(req).queryCodeAttempt(clientAddress(req), () => Boolean(row && queryCodeMatches(code, row.queryCodeSalt, row.queryCodeHash)));
  if (!row || !right) throw caseNotFound();
  return { actor: { kind: 'queryCode', caseNo: row.caseNo }, row };
}

export function casesRouter(ctx: AppContext): Router {
  const r = Router();
  /** A case as the caller sees it; `actions` (what they may do now) only where one case is shown: lists do not offer them. */
  const present = async (row: CaseRow, actor: Actor, opts: { actions: boolean } = { actions: true }) => {
    const item = await findItemById(ctx.db.knex, row.itemId);
    if (!item) throw notFound('Item version');
    const today = chinaDate(ctx.now());
    return {
      ...presentCase(row, {
        personal: personalDataView(actor, row),
        today,
        calendar: ctx.calendar,
        rules: { yellowAt: ctx.config.YELLOW_AT },
        itemName: item.name,
        itemVersion: item.version,
      }),
      // What this viewer may do now, so a screen offers exactly these.
      ...(opts.actions ? { actions: availableActions({ actor, row, item, today, calendar: ctx.calendar }) } : {}),
    };
  };

  r.post('/', async (req, res) => {
    const body = parseBody(FileCaseBody, req.body);
    const user = currentUser(res);
    const actor: Actor | null = user ? { kind: 'user', user } : null;
    const result = await fileCase(ctx, { actor, ...body });
    const viewer: Actor = actor ?? { kind: 'queryCode', caseNo: result.case.caseNo };
    // A counter filing answers with the case as accepted.
    res.status(201).json({ ...(await present(result.accepted?.case ?? result.case, viewer)), queryCode: result.queryCode });
  });

  // Staff find any case they may see (search, the dashboard's drill-down); an applicant account lists its own.
  r.get('/', async (req, res) => {
    const user = requireUser(res, ['supervisor', 'admin', 'clerk', 'reviewer', 'applicant']);
    const q = parseQuery(CasesQuery, req.query);
    const actor: Actor = { kind: 'user', user };
    const { total, cases } = await searchCases(ctx, { user, query: q });
    res.json({ total, page: q.page, pageSize: q.pageSize, cases: await Promise.all(cases.map((c) => present(c, actor, { actions: false }))) });
  });

  r.get('/:caseNo', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    res.json(await present(row, actor));
  });

  r.get('/:caseNo/events', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const { sinceSeq } = parseQuery(EventsQuery, req.query);
    const events = await listCaseEvents(ctx.db.knex, row.id, sinceSeq);
    const personal = personalDataView(actor, row);
    res.json({ caseNo: row.caseNo, lastSeq: row.lastSeq, events: events.map((e) => presentEvent(e, personal)) });
  });

  r.post('/:caseNo/actions', async (req, res) => {
    const user = currentUser(res);
    // Staff are authorised inside the command's transaction; only a query code needs checking first.
    const { actor, caseNo } = user
      ? { actor: { kind: 'user', user } as Actor, caseNo: parseQuery(CaseNoParam, req.params.caseNo) }
      : await resolveCaseAccess(ctx, req, res).then(({ actor, row }) => ({ actor, caseNo: row.caseNo }));
    const { expectedVersion, ...action } = parseBody(ActionBody, req.body);
    const result = await transitionCase(ctx, { caseNo, actor, action: action as ActionInput, expectedVersion });
    res.json({ case: await present(result.case, actor), event: presentEvent(result.event, personalDataView(actor, result.case)) });
  });

  return r;
}
