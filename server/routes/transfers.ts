import { Router, type RequestHandler } from 'express';
import { listAgreements, findAgreementView } from '../../db/repositories/transfers/agreements';
import { listFunctions, listServices, listUnits, transferFigures } from '../../db/repositories/transfers/directory';
import { evaluationsOf, findOrg, listOrgs } from '../../db/repositories/transfers/organisations';
import { chinaDate } from '../../workflows/calendar';
import type { AppContext } from '../context';
import { requireUser } from '../http/auth';
import { AgreementBody, AgreementListQuery, EvaluationBody, FunctionListQuery, OrgIdParam, OrgListQuery, ServiceListQuery } from '../http/transferSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { presentAgreement, presentEvaluation, presentOrg } from '../presenters/transfers';
import { evaluateOrg, orgNotFound } from '../transfers/evaluateOrg';
import { recordAgreement } from '../transfers/recordAgreement';

const pageOf = (q: { page: number; pageSize: number }) => ({ offset: (q.page - 1) * q.pageSize, limit: q.pageSize });

/** The function-transfer list (职能转移, docs/transfers.md): public directories; the administrator records agreements and evaluations. */
export function transfersRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  // The role is checked before the body is read (as for every administrator's route).
  const keeper: RequestHandler = (_req, res, next) => {
    requireUser(res, ['admin']);
    next();
  };
  const today = () => chinaDate(ctx.now());

  r.get('/transfers', async (req, res) => {
    const q = parseQuery(FunctionListQuery, req.query);
    const [{ rows, total }, figures] = await Promise.all([listFunctions(db, q, pageOf(q)), transferFigures(db)]);
    res.json({ functions: rows, total, page: q.page, pageSize: q.pageSize, figures });
  });

  r.get('/transfers/units', async (_req, res) => {
    const units = await listUnits(db);
    res.json({ units, total: units.length });
  });

  r.get('/transfers/services', async (req, res) => {
    const q = parseQuery(ServiceListQuery, req.query);
    const { rows, total } = await listServices(db, q, pageOf(q));
    res.json({ services: rows, total, page: q.page, pageSize: q.pageSize });
  });

  r.get('/transfers/agreements', async (req, res) => {
    const q = parseQuery(AgreementListQuery, req.query);
    const { rows, total } = await listAgreements(db, { unit: q.unit, org: q.organisation, q: q.q }, pageOf(q));
    const on = today();
    res.json({ agreements: rows.map((a) => presentAgreement(a, on)), total, page: q.page, pageSize: q.pageSize });
  });

  r.post('/transfers/agreements', keeper, async (req, res) => {
    const user = requireUser(res, ['admin']);
    const body = parseBody(AgreementBody, req.body);
    const { row } = await recordAgreement(ctx, { actor: { kind: 'user', user }, ...body });
    res.status(201).json({ agreement: presentAgreement((await findAgreementView(db, row.id))!, today()) });
  });

  r.get('/transfers/organisations', async (req, res) => {
    const q = parseQuery(OrgListQuery, req.query);
    const { rows, total } = await listOrgs(db, q, pageOf(q));
    res.json({ organisations: rows.map(presentOrg), total, page: q.page, pageSize: q.pageSize });
  });

  r.get('/transfers/organisations/:id', async (req, res) => {
    const id = parseQuery(OrgIdParam, req.params.id);
    const org = await findOrg(db, id);
    if (!org) throw orgNotFound();
    const [evaluations, agreements] = await Promise.all([evaluationsOf(db, id), listAgreements(db, { org: id }, { offset: 0, limit: 100 })]);
    const on = today();
    res.json({ organisation: presentOrg(org), evaluations: evaluations.map(presentEvaluation), agreements: agreements.rows.map((a) => presentAgreement(a, on)) });
  });

  r.post('/transfers/organisations/:id/evaluations', keeper, async (req, res) => {
    const user = requireUser(res, ['admin']);
    const id = parseQuery(OrgIdParam, req.params.id);
    const body = parseBody(EvaluationBody, req.body);
    const { row } = await evaluateOrg(ctx, { actor: { kind: 'user', user }, orgId: id, ...body });
    const evaluations = await evaluationsOf(db, id);
    res.status(201).json({ organisation: presentOrg(row), evaluation: presentEvaluation(evaluations.find((e) => e.year === body.year)!) });
  });

  return r;
}
