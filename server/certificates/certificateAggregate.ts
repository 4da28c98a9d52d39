import { findCertificateRequest, updateCertificateRequestIfVersion, type CertificateRequestRow } from '../../db/repositories/certificates/certificateRequests';
import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import { certificateMachine, type CertificateContext, type CertificateEvent } from '../../workflows/certificateMachine';
import { rooms, type CertificateUpdated } from '../../workflows/socketContract';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { canSeeCertificate, isCertificateHolder, worksCertificateDesk } from '../policies/certificates';
import { issueECertificate } from './issueECertificate';

/** An action as the API takes it: the machine event without actor and date. */
export type CertificateAction = Omit<CertificateEvent, 'actor' | 'today'>;

export const certificateNotFound = () => new AppError('CERTIFICATE_NOT_FOUND', 404, 'No certificate request with this number that you may see');

/** The rooms a request's changes go to: its applicant, the village centre, and the town centre for a kind it reviews. */
export function certificateLive(r: CertificateRequestRow, event: Omit<AggregateEventRow, 'id'>): { event: string; rooms: string[]; message: CertificateUpdated } {
  const to = [rooms.user(r.applicantUserId), rooms.desk(r.villageCode, null), ...(r.needsTown && event.toState !== 'requested' ? [rooms.desk(r.townCode, null)] : [])];
  return {
    event: 'certificate:updated',
    rooms: [...new Set(to)],
    message: { id: r.id, type: event.type, kindCode: r.kindCode, state: r.state, revision: r.rowVersion, seq: event.seq, at: event.createdAt },
  };
}

/** The centre whose clerk acts in a state. */
export function deskIn(r: Pick<CertificateRequestRow, 'villageCode' | 'townCode'>, state: string): string | null {
  return state === 'requested' ? r.villageCode : state === 'townReview' ? r.townCode : null;
}

/** A certificate request as an aggregate of the one command path. */
export const certificateTransitions = machineAggregate<CertificateRequestRow, CertificateAction>({
  aggregate: 'certificate',
  load: (trx, key, forUpdate) => findCertificateRequest(trx, Number(key), forUpdate),
  notFound: certificateNotFound,
  authorise(actor: Actor, r, action) {
    const may = action.type === 'WITHDRAW' ? isCertificateHolder(actor, r) : worksCertificateDesk(actor, r);
    // A decided request takes nothing: whoever may see it is told so by the machine (409), not by the policy.
    if (may || (r.deskCode === null && canSeeCertificate(actor, r))) return;
    // One who may not see the request learns nothing of it.
    if (!canSeeCertificate(actor, r)) throw certificateNotFound();
    throw forbidden(action.type === 'WITHDRAW' ? 'Only the applicant withdraws a request' : 'Only the clerk of the centre reviewing the request now acts on it');
  },
  machine: certificateMachine,
  context: (r) => r.machineContext as unknown as CertificateContext,
  columns: (r, after, _action, at) => ({ deskCode: deskIn(r, after.value), machineContext: after.context as Record<string, unknown>, updatedAt: at }),
  update: updateCertificateRequestIfVersion,
  payload: () => ({}),
  live: certificateLive,
  effects: async (ctx, trx, { before, row, event }) => {
    if (event.type !== 'ISSUE') return;
    const certificateId = await issueECertificate(ctx, trx, row, before.deskCode!, event.createdAt);
    await updateCertificateRequestIfVersion(trx, row, { certificateId });
    row.certificateId = certificateId;
  },
});

/** FORWARD, ISSUE, REFUSE or WITHDRAW of one request, through the one command path; pushed live to the applicant and the desks. */
export function actOnCertificate(ctx: AppContext, props: AggregateCommand<CertificateAction>): Promise<AggregateResult<CertificateRequestRow>> {
  return applyCommand(ctx, certificateTransitions, props);
}
