import { findCertificateKind } from '../../db/repositories/certificates/certificateKinds';
import { insertCertificateRequest, type CertificateRequestRow } from '../../db/repositories/certificates/certificateRequests';
import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { findUserProfile } from '../../db/repositories/users';
import { certificateMachine } from '../../workflows/certificateMachine';
import { isValidIdNumber } from '../../workflows/identity';
import { ancestorCode } from '../../workflows/levels';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden, notAcceptedHere, validationFailed } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { certificateLive } from './certificateAggregate';

export interface RequestCertificateProps {
  actor: Actor;
  kindCode: string;
  /** The village (community) whose committee is asked. */
  villageCode: string;
  purpose: string;
  /** Whom it certifies; by default the account's name and ID number. */
  holder?: { name?: string; idNumber?: string };
}

/** Asking a committee for a certificate: the request row and its first event (REQUEST) in one transaction. */
export const certificateRequesting = machineCreation<RequestCertificateProps, CertificateRequestRow>({
  aggregate: 'certificate',
  machine: certificateMachine,
  async plan(_ctx, trx, props) {
    const { actor } = props;
    if (actor.kind !== 'user' || actor.user.role !== 'applicant') throw forbidden('Certificates are requested from an applicant account');
    const kind = await findCertificateKind(trx, props.kindCode);
    if (!kind) throw new AppError('CERTIFICATE_KIND_UNKNOWN', 422, `No certificate “${props.kindCode}” in the catalogue (GET /api/certificate-kinds)`, { field: 'kindCode' });
    const village = await findJurisdiction(trx, props.villageCode);
    if (!village || village.level !== 'village') throw notAcceptedHere('Certificates are requested at a village or community committee: choose a village');
    const idNumber = (props.holder?.idNumber ?? (await findUserProfile(trx, actor.user.id)).idNumber ?? '').toUpperCase();
    if (!isValidIdNumber(idNumber)) throw validationFailed('holder.idNumber: give a valid 18-digit ID number (or save one in your profile)', { field: 'holder.idNumber' });
    const holderName = props.holder?.name?.trim() || actor.user.displayName;
    return {
      actor,
      type: 'REQUEST',
      payload: { kindCode: kind.code, villageCode: village.code },
      input: { needsTown: kind.needsTown },
      columns: (initial, at) => ({
        kindCode: kind.code,
        kindName: kind.name,
        applicantUserId: actor.user.id,
        holderName,
        holderIdNumber: idNumber,
        purpose: props.purpose.trim(),
        villageCode: village.code,
        townCode: ancestorCode(village.code, 'town'),
        needsTown: kind.needsTown,
        deskCode: village.code,
        machineContext: initial.context as Record<string, unknown>,
        certificateId: null,
        createdAt: at,
        updatedAt: at,
      }),
    };
  },
  insert: insertCertificateRequest,
  live: certificateLive,
});

export function requestCertificate(ctx: AppContext, props: RequestCertificateProps): Promise<AggregateResult<CertificateRequestRow>> {
  return applyCommand(ctx, certificateRequesting, props);
}
