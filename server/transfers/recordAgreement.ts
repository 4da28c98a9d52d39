import { agreementNoTaken, insertAgreement, type TransferAgreementRow } from '../../db/repositories/transfers/agreements';
import { findFunction, findUnit } from '../../db/repositories/transfers/directory';
import { findOrg } from '../../db/repositories/transfers/organisations';
import { transferAgreementMachine, type AgreementContext } from '../../workflows/transferAgreementMachine';
import { maySign } from '../../workflows/transferEvaluation';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { requireTransferKeeper } from '../policies/transfers';

export interface AgreementProps {
  actor: Actor;
  agreementNo: string;
  unitCode: string;
  functionCode: string;
  organisationId: number;
  signedOn: string;
  termFrom: string;
  termTo: string;
  amountYuan: number;
  deliverables: string[];
}

const unknown = (field: string, message: string) => new AppError('TRANSFER_REFERENCE_UNKNOWN', 422, message, { field });
const noTaken = (agreementNo: string) => new AppError('TRANSFER_AGREEMENT_NO_TAKEN', 409, 'An agreement with this number is recorded already', { agreementNo });

/**
 * RECORD: an administrator records a signed agreement. The unit must be a
 * transferring unit, the function one of its own, and the organisation in
 * the qualified directory (not on probation, not removed: the evaluation
 * rule's consequence). The organisation's row is read with a lock, so an
 * evaluation removing it and an agreement with it do not pass each other.
 */
export const agreementCreation = machineCreation<AgreementProps, TransferAgreementRow>({
  aggregate: 'transferAgreement',
  machine: transferAgreementMachine,
  async plan(_ctx, trx, p) {
    requireTransferKeeper(p.actor);
    const unit = await findUnit(trx, p.unitCode);
    if (!unit) throw unknown('unitCode', 'No transferring unit with this code');
    const fn = await findFunction(trx, p.functionCode);
    if (!fn) throw unknown('functionCode', 'No transferred function with this code');
    if (fn.unitId !== unit.id) throw new AppError('TRANSFER_FUNCTION_NOT_OF_UNIT', 422, 'The function is not one this unit transferred', { unitCode: unit.code, functionCode: fn.code });
    const org = await findOrg(trx, p.organisationId, true);
    if (!org) throw unknown('organisationId', 'No receiving organisation with this number');
    if (!maySign(org.state)) throw new AppError('TRANSFER_ORG_NOT_QUALIFIED', 409, 'The organisation is not in the qualified directory (on probation or removed by its evaluation)', { state: org.state });
    if (await agreementNoTaken(trx, p.agreementNo)) throw noTaken(p.agreementNo);
    const input: AgreementContext = { termFrom: p.termFrom, termTo: p.termTo };
    return {
      actor: p.actor,
      type: 'RECORD',
      payload: { agreementNo: p.agreementNo, unitCode: unit.code, functionCode: fn.code, organisationId: org.id, amountYuan: p.amountYuan },
      input,
      columns: (initial, at) => ({
        agreementNo: p.agreementNo, unitId: unit.id, orgId: org.id, functionId: fn.id, signedOn: p.signedOn, termFrom: p.termFrom, termTo: p.termTo,
        amountYuan: p.amountYuan, deliverables: p.deliverables, machineContext: initial.context as AgreementContext,
        recordedBy: p.actor.kind === 'user' ? p.actor.user.id : null, createdAt: at,
      }),
    };
  },
  insert: async (trx, row) => {
    try {
      return await insertAgreement(trx, row);
    } catch (e) {
      if (/unique|duplicate/i.test(String((e as Error).message))) throw noTaken(row.agreementNo);
      throw e;
    }
  },
  live: () => null,
});

export function recordAgreement(ctx: AppContext, p: AgreementProps): Promise<AggregateResult<TransferAgreementRow>> {
  return applyCommand(ctx, agreementCreation, p);
}
