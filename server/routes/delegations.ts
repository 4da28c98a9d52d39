import { Router } from 'express';
import type { Knex } from 'knex';
import { findDelegation, listDelegations, type DelegationRow } from '../../db/repositories/delegations';
import { chinaDate } from '../../workflows/calendar';
import { deedStanding, PILOT_TOWNS } from '../../workflows/delegation';
import type { AppContext } from '../context';
import { issueDeed, revokeDeed } from '../delegations/deedCommands';
import { deedNotFound } from '../delegations/deedErrors';
import { requireUser } from '../http/auth';
import { DeedNoParam, DelegationListQuery, IssueDeedBody, RevokeDeedBody } from '../http/delegationSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { presentDeed, type DeedNames } from '../presenters/delegations';
import { badRequest } from '../errors';

async function namesFor(db: Knex, deeds: DelegationRow[]): Promise<DeedNames> {
  const codes = [...new Set(deeds.flatMap((d) => d.itemCodes))];
  const items = codes.length ? ((await db('items').where('is_current', true).whereIn('code', codes).select('code', 'name')) as { code: string; name: string }[]) : [];
  const departments = (await db('departments').select('code', 'name')) as { code: string; name: string }[];
  return { departments: new Map(departments.map((d) => [d.code, d.name])), items: new Map(items.map((i) => [i.code, i.name])) };
}

function deedNoOf(raw: string | undefined): string {
  const r = DeedNoParam.safeParse(raw);
  if (!r.success) throw badRequest('A deed number has 3 to 40 characters');
  return r.data;
}

/** Delegation deeds (赋权) to the pilot towns: published (public), recorded and revoked by an administrator. */
export function delegationsRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;

  r.get('/delegations', async (req, res) => {
    const q = parseQuery(DelegationListQuery, req.query);
    const today = chinaDate(ctx.now());
    const { rows, total } = await listDelegations(db, { town: q.town, department: q.department, standing: q.state as never, item: q.item, today, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    const names = await namesFor(db, rows);
    res.json({ deeds: rows.map((d) => presentDeed(d, today, names)), total, page: q.page, pageSize: q.pageSize, today });
  });

  // Each pilot town with its deeds and the items delegated to it today, counted from the deeds.
  r.get('/delegations/towns', async (_req, res) => {
    const today = chinaDate(ctx.now());
    const { rows } = await listDelegations(db, { today, offset: 0, limit: 10_000 });
    const towns = PILOT_TOWNS.map((t) => {
      const mine = rows.filter((d) => d.townCode === t.code);
      const inForce = mine.filter((d) => deedStanding(d, today) === 'in_force');
      return { code: t.code, name: t.name, countyCode: t.countyCode, countyName: t.countyName, until: t.until ?? null, deeds: mine.length, deedsInForce: inForce.length, itemsInForce: new Set(inForce.flatMap((d) => d.itemCodes)).size };
    });
    res.json({ towns, today });
  });

  r.get('/delegations/:deedNo', async (req, res) => {
    const deed = await findDelegation(db, deedNoOf(req.params.deedNo));
    if (!deed) throw deedNotFound();
    res.json({ deed: presentDeed(deed, chinaDate(ctx.now()), await namesFor(db, [deed])) });
  });

  r.post('/delegations', async (req, res) => {
    const user = requireUser(res, ['admin']);
    const body = parseBody(IssueDeedBody, req.body);
    const { row } = await issueDeed(ctx, { actor: { kind: 'user', user }, ...body });
    res.status(201).json({ deed: presentDeed(row, chinaDate(ctx.now()), await namesFor(db, [row])) });
  });

  r.post('/delegations/:deedNo/revoke', async (req, res) => {
    const user = requireUser(res, ['admin']);
    const deedNo = deedNoOf(req.params.deedNo);
    const body = parseBody(RevokeDeedBody, req.body);
    const { row } = await revokeDeed(ctx, { key: deedNo, actor: { kind: 'user', user }, action: { type: 'REVOKE', reason: body.reason, revokedOn: body.revokedOn }, expectedVersion: body.expectedVersion });
    res.json({ deed: presentDeed(row, chinaDate(ctx.now()), await namesFor(db, [row])) });
  });

  return r;
}

