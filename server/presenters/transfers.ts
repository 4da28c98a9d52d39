import type { AgreementView } from '../../db/repositories/transfers/agreements';
import type { EvaluationRow, TransferOrgRow } from '../../db/repositories/transfers/organisations';
import { agreementRunning } from '../../workflows/transferAgreementMachine';
import { maySign } from '../../workflows/transferEvaluation';

/**
 * A receiving organisation as the public reads it: registration data (name,
 * 统一社会信用代码, kind, credit rating: public, not personal data), its place
 * in the qualified directory and its latest evaluation.
 */
export function presentOrg(o: TransferOrgRow & { functions?: number; agreements?: number }) {
  const c = o.machineContext;
  return {
    id: o.id, name: o.name, uscc: o.uscc, kind: o.kind, registeredOn: o.registeredOn, creditRating: o.creditRating,
    state: o.state, inDirectory: o.state !== 'removed', maySign: maySign(o.state), removedOn: o.removedOn,
    lastEvaluation: c.lastYear === null ? null : { year: c.lastYear, score: c.lastScore, grade: c.lastGrade, consequence: c.lastConsequence },
    ...(o.functions !== undefined ? { functions: o.functions } : {}),
    ...(o.agreements !== undefined ? { agreements: o.agreements } : {}),
    revision: o.rowVersion,
  };
}

export function presentEvaluation(e: EvaluationRow) {
  return { year: e.year, score: e.score, grade: e.grade, consequence: e.consequence, stateAfter: e.stateAfter, notes: e.notes, recordedAt: e.createdAt };
}

/** An agreement: whether its term runs today, and whether it may be renewed (its organisation still qualified). */
export function presentAgreement(a: AgreementView, today: string) {
  return { ...a, running: agreementRunning(a, today), renewable: maySign(a.organisation.state) };
}
