import { Router } from 'express';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { listCreditRecords } from '../../db/repositories/commitments/creditRecords';
import { findPostCheck, listPostChecks, listPostChecksOfApplicant } from '../../db/repositories/commitments/postChecks';
import { findCommitment } from '../../db/repositories/commitments/proofs';
import { outcomesIn } from '../../workflows/postCheckMachine';
import type { Actor } from '../auth/actor';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { postCheckNotFound, postCheckTransitions } from '../commitments/postCheckAggregate';
import { creditRecordNotFound, repairCredit } from '../commitments/repairCredit';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { CreditRecordsQuery, NumericId, PostCheckActionBody, PostChecksQuery, RepairCreditBody } from '../http/commitmentSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { canSeePostCheck, checkListScope, worksCheckDesk } from '../policies/postChecks';
import { presentCommitment, presentCreditRecord, presentPostCheck, presentPostCheckEvent } from '../presenters/postChecks';

/** A malformed number names nothing: the same 404 as a missing one. */
const idOf = (raw: unknown, notFound: () => Error): number => {
  const parsed = NumericId.safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
};

/** Written commitments (告知承诺): the post-check desk, one task with its outcomes, credit records and their repair, the applicant's list. */
export function postChecksRouter(ctx: AppContext): Router {
  const r = Router();

  r.get('/api/desk/post-checks', async (req, res) => {
    const user = requireUser(res, ['reviewer', 'supervisor']);
    const actor: Actor = { kind: 'user', user };
    const scope = checkListScope(actor);
    if (!scope) throw forbidden('Only a department’s reviewers and supervisors list post-checks');
    const query = parseQuery(PostChecksQuery, req.query);
    const rows = await listPostChecks(ctx.db.knex, { ...scope, ...query });
    res.json({ postChecks: rows.map((t) => ({ ...presentPostCheck(t, actor), mayAct: worksCheckDesk(actor, t) })) });
  });

  r.get('/api/post-checks/:id', async (req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res) };
    const t = await findPostCheck(ctx.db.knex, idOf(req.params.id, postCheckNotFound));
    if (!t || !canSeePostCheck(actor, t)) throw postCheckNotFound();
    const commitment = await findCommitment(ctx.db.knex, t.commitmentId);
    const history = await listAggregateEvents(ctx.db.knex, 'postcheck', [t.id]);
    const mayAct = worksCheckDesk(actor, t);
    res.json({
      postCheck: presentPostCheck(t, actor),
      commitment: commitment ? presentCommitment(commitment) : null,
      mayAct,
      outcomes: mayAct ? outcomesIn(t.state) : [],
      history: history.map(presentPostCheckEvent),
    });
  });

  r.post('/api/post-checks/:id/actions', async (req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res) };
    const id = idOf(req.params.id, postCheckNotFound);
    const { expectedRevision, ...action } = parseBody(PostCheckActionBody, req.body);
    const result = await applyCommand(ctx, postCheckTransitions, { key: String(id), actor, action, expectedVersion: expectedRevision });
    res.json({ postCheck: presentPostCheck(result.row, actor), event: presentPostCheckEvent(result.event) });
  });

  r.get('/api/credit-records', async (req, res) => {
    const user = requireUser(res, ['reviewer', 'supervisor', 'admin']);
    const actor: Actor = { kind: 'user', user };
    const scope = checkListScope(actor);
    if (!scope) throw forbidden('Only a department’s reviewers, supervisors and administrators list credit records');
    const { limit } = parseQuery(CreditRecordsQuery, req.query);
    res.json({ creditRecords: (await listCreditRecords(ctx.db.knex, { ...scope, limit })).map((c) => presentCreditRecord(c, actor)) });
  });

  r.post('/api/credit-records/:id/repair', async (req, res) => {
    const user = requireUser(res, ['reviewer', 'admin']);
    const actor: Actor = { kind: 'user', user };
    const { reason } = parseBody(RepairCreditBody, req.body);
    const repaired = await repairCredit(ctx, actor, idOf(req.params.id, creditRecordNotFound), reason);
    res.json({ creditRecord: presentCreditRecord(repaired, actor) });
  });

  // The applicant's own commitments, each with its post-check and outcome.
  r.get('/api/me/commitments', async (_req, res) => {
    const user = requireUser(res, ['applicant']);
    const actor: Actor = { kind: 'user', user };
    const tasks = await listPostChecksOfApplicant(ctx.db.knex, user.id);
    const out = [];
    for (const t of tasks) {
      const c = await findCommitment(ctx.db.knex, t.commitmentId);
      out.push({ ...(c ? presentCommitment(c) : { proof: t.proof }), postCheck: presentPostCheck(t, actor) });
    }
    res.json({ commitments: out });
  });

  return r;
}
