import type { Knex } from 'knex';
import { findELicence, findELicenceForUpdate, updateELicenceIfVersion, type ELicenceRow } from '../../db/repositories/licences/eLicences';
import { buildLicenceId, parseLicenceId } from '../../workflows/licenceIdentifier';
import { licenceMachine, REISSUING, STATUS_OF_STATE, type LicenceContext, type LicenceEvent, type LicenceState } from '../../workflows/licenceMachine';
import { rooms } from '../../workflows/socketContract';
import type { LicenceUpdated } from '../../workflows/socketContract';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { machineAggregate, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { canSeeLicence, worksIssuingDesk } from '../policies/licences';
import { chinaDay } from '../documents/notices/noticeContext';
import { validUntil, writeSignedLicence, type LicenceFields } from './issueELicence';

/** A status operation as the API takes it: the machine event without actor and date. */
export type LicenceAction = LicenceEvent extends infer E ? (E extends { actor: unknown } ? Omit<E, 'actor' | 'today'> : never) : never;

export const licenceNotFound = () => new AppError('LICENCE_NOT_FOUND', 404, 'No e-licence with this identifier that you may see');

/** The identifier of a licence's next version (延续, 变更): the same type, issuer and serial, the version one up. */
export function nextVersionId(licenceId: string): { licenceId: string; version: string } {
  const parts = parseLicenceId(licenceId);
  if (!parts) throw new AppError('LICENCE_ID_INVALID', 409, 'This licence has no well-formed identifier to issue a next version of');
  const version = String(Number(parts.version) + 1).padStart(3, '0');
  return { licenceId: buildLicenceId({ typeCode: parts.typeCode, issuerUscc: parts.issuerUscc, serial: parts.serial, version }), version };
}

function contextOf(l: ELicenceRow): LicenceContext {
  const c = (l.machineContext ?? {}) as Partial<LicenceContext>;
  return { validUntil: c.validUntil ?? l.validUntil, note: c.note ?? null, suspendedUntil: c.suspendedUntil ?? null };
}

/** The e-licence as an aggregate of the one command path. */
export const licenceTransitions = machineAggregate<ELicenceRow, LicenceAction>({
  aggregate: 'licence',
  load: (trx, key, forUpdate) => (forUpdate ? findELicenceForUpdate(trx, key) : findELicence(trx, key)),
  notFound: licenceNotFound,
  authorise(actor: Actor, l: ELicenceRow) {
    if (worksIssuingDesk(actor, l) || actor.kind === 'system') return;
    // One who may not see the licence learns nothing of it.
    throw canSeeLicence(actor, l) ? forbidden('Only the issuing department changes the status of a licence') : licenceNotFound();
  },
  machine: licenceMachine,
  context: contextOf,
  columns(l, after, action, at) {
    const state = after.value as LicenceState;
    return {
      status: STATUS_OF_STATE[state],
      machineContext: after.context as Record<string, unknown>,
      statusNote: action.reason.trim(),
      statusChangedAt: at,
      ...(REISSUING.includes(action.type) ? { supersededBy: nextVersionId(l.licenceId).licenceId } : {}),
    };
  },
  update: updateELicenceIfVersion,
  payload: (action) => {
    const { type: _t, reason: _r, ...rest } = action as LicenceAction & Record<string, unknown>;
    return rest;
  },
  live(l, event): { event: string; rooms: string[]; message: LicenceUpdated } {
    const to = [rooms.desk(l.jurisdictionCode, l.issuerDepartment), ...(l.holderUserId ? [rooms.user(l.holderUserId)] : [])];
    return {
      event: 'licence:updated',
      rooms: to,
      message: { licenceId: l.licenceId, type: event.type, state: l.state, status: l.status, revision: l.rowVersion, seq: event.seq, supersededBy: l.supersededBy, at: event.createdAt },
    };
  },
  effects: (ctx, trx, result, action) => (REISSUING.includes(action.type) ? issueNextVersion(ctx, trx, result, action) : Promise.resolve()),
});

/**
 * 延续 and 变更 issue the licence's next version in the operation's
 * transaction, signed like the first, carrying the previous identifier: a
 * renewal runs on from the day after the old validity ends; a change keeps
 * the validity and takes the new holder name.
 */
async function issueNextVersion(ctx: AppContext, trx: Knex.Transaction, { before, row }: AggregateResult<ELicenceRow>, action: LicenceAction): Promise<void> {
  const next = nextVersionId(before.licenceId);
  const issuedOn = chinaDay(row.statusChangedAt!);
  const fields: LicenceFields = { ...before, licenceId: next.licenceId, version: next.version, issuedOn, previousLicenceId: before.licenceId };
  if (action.type === 'RENEW') {
    const from = new Date(`${before.validUntil}T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() + 1);
    fields.validFrom = from.toISOString().slice(0, 10);
    fields.validUntil = validUntil(fields.validFrom, ctx.config.LICENCE_VALID_YEARS);
  }
  if (action.type === 'AMEND') fields.holderName = action.holderName.trim();
  await writeSignedLicence(ctx, trx, pick(fields), { holderUserId: before.holderUserId, issuerDepartment: before.issuerDepartment ?? 'government', at: row.statusChangedAt! });
}

/** Only the signed directory fields, not the old row's machine columns or signature. */
function pick(f: LicenceFields): LicenceFields {
  const { licenceId, caseId, licenceNo, name, typeCode, typeName, version, holderName, holderCode, holderCodeType, issuerName, issuerCode, definerName, definerCode, issuedOn, validFrom, validUntil: until, jurisdictionCode, itemCode, itemName, previousLicenceId } = f;
  return { licenceId, caseId, licenceNo, name, typeCode, typeName, version, holderName, holderCode, holderCodeType, issuerName, issuerCode, definerName, definerCode, issuedOn, validFrom, validUntil: until, jurisdictionCode, itemCode, itemName, previousLicenceId };
}
