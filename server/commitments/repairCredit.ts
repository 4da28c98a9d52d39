import { dbTime } from '../../db/connection';
import { findCreditRecord, repairCreditRecord, type CreditRecordRow } from '../../db/repositories/commitments/creditRecords';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { withRetry } from '../commands/writeHelpers';
import { mayRepairCredit } from '../policies/postChecks';
import { isWithin } from '../../workflows/levels';

export const creditRecordNotFound = () => new AppError('CREDIT_RECORD_NOT_FOUND', 404, 'No credit record with this number that you may see');
const alreadyRepaired = () => new AppError('CREDIT_ALREADY_REPAIRED', 409, 'This credit record was repaired already');

/** Who sees a credit record: the department that recorded it, supervisors and administrators above it. */
export function canSeeCreditRecord(actor: Actor, c: CreditRecordRow): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.role === 'supervisor' || u.role === 'admin') return isWithin(c.jurisdictionCode, u.jurisdictionCode);
  return mayRepairCredit(actor, c);
}

/**
 * 信用修复: the department that recorded the record (or an administrator)
 * repairs it with a reason, in one transaction with the row locked; the
 * subject may then commit again. The record stays, with who repaired it,
 * when and why.
 */
export async function repairCredit(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<CreditRecordRow> {
  if (actor.kind !== 'user') throw forbidden();
  const user = actor.user;
  return withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const c = await findCreditRecord(trx, id, true);
      if (!c || !canSeeCreditRecord(actor, c)) throw creditRecordNotFound();
      if (!mayRepairCredit(actor, c)) throw forbidden('Only the department that recorded it, or an administrator, repairs a credit record');
      if (c.repairedAt) throw alreadyRepaired();
      const at = dbTime(ctx.now());
      if (!(await repairCreditRecord(trx, id, user.id, reason, at))) throw alreadyRepaired();
      return { ...c, repairedAt: at, repairedBy: user.id, repairReason: reason };
    }),
  );
}
