import { Router } from 'express';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { listCertificateKinds } from '../../db/repositories/certificates/certificateKinds';
import { findCertificateRequest, listCertificateDesk, listCertificateRequestsOf, type CertificateRequestRow } from '../../db/repositories/certificates/certificateRequests';
import { findECertificateOfRequest } from '../../db/repositories/certificates/eCertificates';
import { certificateActionsIn } from '../../workflows/certificateMachine';
import type { Actor } from '../auth/actor';
import { actOnCertificate, certificateNotFound } from '../certificates/certificateAggregate';
import { certificatePdf } from '../certificates/certificatePdf';
import { requestCertificate } from '../certificates/requestCertificate';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { CertificateActionBody, CertificateDeskQuery, CertificateIdParam, CertificateRequestBody } from '../http/certificateSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { canSeeCertificate, certificateDeskOf, isCertificateHolder, seesHolderIdNumber, worksCertificateDesk } from '../policies/certificates';
import { presentCertificateEvent, presentCertificateKind, presentCertificateRequest } from '../presenters/certificates';

const userActor = (res: Parameters<typeof requireUser>[0]): Actor => ({ kind: 'user', user: requireUser(res) });

/** What the caller may do now: the machine's events in the state, as far as the policy lets them. */
function actionsFor(actor: Actor, r: CertificateRequestRow): string[] {
  return certificateActionsIn(r.state).filter((a) => (a === 'WITHDRAW' ? isCertificateHolder(actor, r) : worksCertificateDesk(actor, r)) && (a !== 'FORWARD' || r.needsTown) && (a !== 'ISSUE' || r.state !== 'requested' || !r.needsTown));
}

/** Online certificates: the catalogue, the applicant's requests, the centres' queues, the actions, the signed PDF. */
export function certificatesRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  const visible = async (actor: Actor, raw: unknown): Promise<CertificateRequestRow> => {
    const parsed = CertificateIdParam.safeParse(raw);
    const row = parsed.success ? await findCertificateRequest(db, parsed.data) : undefined;
    if (!row || !canSeeCertificate(actor, row)) throw certificateNotFound();
    return row;
  };
  const present = (actor: Actor, row: CertificateRequestRow) => presentCertificateRequest(row, seesHolderIdNumber(actor, row));

  r.get('/certificate-kinds', async (_req, res) => {
    res.json({ kinds: (await listCertificateKinds(db)).map(presentCertificateKind) });
  });

  r.post('/certificates', async (req, res) => {
    const actor = userActor(res);
    const body = parseBody(CertificateRequestBody, req.body);
    const result = await requestCertificate(ctx, { actor, ...body });
    res.status(201).json({ certificate: present(actor, result.row), event: presentCertificateEvent(result.event) });
  });

  r.get('/me/certificates', async (_req, res) => {
    const user = requireUser(res, ['applicant']);
    const actor: Actor = { kind: 'user', user };
    res.json({ certificates: (await listCertificateRequestsOf(db, user.id)).map((row) => present(actor, row)) });
  });

  r.get('/desk/certificates', async (req, res) => {
    const actor = userActor(res);
    const centre = certificateDeskOf(actor);
    if (!centre) throw forbidden('Only the clerks of village and town centres have a certificate queue');
    const { all } = parseQuery(CertificateDeskQuery, req.query);
    const rows = await listCertificateDesk(db, centre, all === 'true');
    res.json({ centreCode: centre, certificates: rows.map((row) => ({ ...present(actor, row), actions: actionsFor(actor, row) })) });
  });

  r.get('/certificates/:id', async (req, res) => {
    const actor = userActor(res);
    const row = await visible(actor, req.params.id);
    const history = await listAggregateEvents(db, 'certificate', [row.id]);
    res.json({ certificate: present(actor, row), actions: actionsFor(actor, row), history: history.map(presentCertificateEvent) });
  });

  r.post('/certificates/:id/actions', async (req, res) => {
    const actor = userActor(res);
    const parsed = CertificateIdParam.safeParse(req.params.id);
    if (!parsed.success) throw certificateNotFound();
    const { expectedRevision, ...action } = parseBody(CertificateActionBody, req.body);
    const result = await actOnCertificate(ctx, { key: String(parsed.data), actor, action, expectedVersion: expectedRevision });
    res.json({ certificate: present(actor, result.row), event: presentCertificateEvent(result.event) });
  });

  r.get('/certificates/:id/pdf', async (req, res) => {
    const actor = userActor(res);
    const row = await visible(actor, req.params.id);
    const c = await findECertificateOfRequest(db, row.id);
    if (!c) throw new AppError('CERTIFICATE_NOT_ISSUED', 409, 'This certificate has not been issued (yet): there is no PDF');
    const pdf = await certificatePdf(ctx, db, c);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="e-certificate.pdf"; filename*=UTF-8''${encodeURIComponent(`${c.name}-${row.id}.pdf`)}`,
      'Cache-Control': 'private, no-store',
    });
    res.end(pdf);
  });

  return r;
}
