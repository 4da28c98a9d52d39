import { Router } from 'express';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { findELicence, listIssuedLicences, listLicenceVersions } from '../../db/repositories/licences/eLicences';
import { operationsIn } from '../../workflows/licenceMachine';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import type { Actor } from '../auth/actor';
import { requireUser } from '../http/auth';
import { IssuedLicencesQuery, LicenceIdParam, LicenceOperationBody } from '../http/licenceSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { changeLicenceStatus } from '../licences/changeLicenceStatus';
import { licenceNotFound } from '../licences/licenceAggregate';
import { canSeeLicence, issuedListScope, worksIssuingDesk } from '../policies/licences';
import { presentLicence, presentLicenceEvent } from '../presenters/licences';

/** A malformed identifier names no licence: the same 404 as one that does not exist. */
function licenceIdOf(raw: unknown): string {
  const parsed = LicenceIdParam.safeParse(raw);
  if (!parsed.success) throw licenceNotFound();
  return parsed.data;
}

const userActor = (res: Parameters<typeof requireUser>[0]): Actor => ({ kind: 'user', user: requireUser(res) });

/** The life of an e-licence after issue: its record with history, the issuing desk's operations and list. */
export function licenceOperationsRouter(ctx: AppContext): Router {
  const r = Router();

  // One licence, every version of it, and what happened to each (holder, issuing desk, supervisors above).
  r.get('/api/licences/:licenceId', async (req, res) => {
    const actor = userActor(res);
    const licenceId = licenceIdOf(req.params.licenceId);
    const l = await findELicence(ctx.db.knex, licenceId);
    if (!l || !canSeeLicence(actor, l)) throw licenceNotFound();
    const versions = await listLicenceVersions(ctx.db.knex, l.caseId);
    const events = await listAggregateEvents(ctx.db.knex, 'licence', versions.map((v) => v.id));
    const idOf = new Map(versions.map((v) => [v.id, v.licenceId]));
    res.json({
      licence: presentLicence(l, actor.kind === 'user' && actor.user.role === 'applicant'),
      mayOperate: worksIssuingDesk(actor, l),
      operations: worksIssuingDesk(actor, l) ? operationsIn(l.state) : [],
      versions: versions.map((v) => ({ id: v.licenceId, version: v.version, state: v.state, issuedOn: v.issuedOn, validity: { from: v.validFrom, until: v.validUntil } })),
      history: events.map((e) => presentLicenceEvent(e, idOf.get(e.aggregateId) ?? '')),
    });
  });

  r.post('/api/licences/:licenceId/operations', async (req, res) => {
    const actor = userActor(res);
    const licenceId = licenceIdOf(req.params.licenceId);
    const { expectedRevision, ...action } = parseBody(LicenceOperationBody, req.body);
    const result = await changeLicenceStatus(ctx, { key: licenceId, actor, action, expectedVersion: expectedRevision });
    res.json({ licence: presentLicence(result.row, false), event: presentLicenceEvent(result.event, result.row.licenceId), next: result.row.supersededBy });
  });

  // The issuing desk's licences (a reviewer's department), or a supervisor's area.
  r.get('/api/desk/licences', async (req, res) => {
    const user = requireUser(res, ['reviewer', 'supervisor']);
    const scope = issuedListScope({ kind: 'user', user });
    if (!scope) throw forbidden('Only a department’s reviewers and supervisors list issued licences');
    const query = parseQuery(IssuedLicencesQuery, req.query);
    const rows = await listIssuedLicences(ctx.db.knex, { ...scope, ...query });
    res.json({ licences: rows.map((l) => ({ ...presentLicence(l, false), mayOperate: worksIssuingDesk({ kind: 'user', user }, l) })) });
  });

  return r;
}
