import { dbTime } from '../../../db/connection';
import { insertBadAct } from '../../../db/repositories/market/badActs';
import type { OrderRow } from '../../../db/repositories/market/orders';
import type { UserRow } from '../../../db/repositories/users';
import { ancestorCode } from '../../../workflows/levels';
import { organUscc } from '../../../workflows/organCodes';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';

/**
 * Steering (指定中介): a department may not pick the agency on someone else's
 * order. The attempt is written as a bad act on the department (its credit
 * record under the department's organ code, GB 32100) in its own
 * transaction, and the refusal is returned.
 */
export async function recordSteering(ctx: AppContext, p: { user: UserRow; order: OrderRow; agencyId?: number }): Promise<AppError> {
  const { user, order } = p;
  const at = dbTime(ctx.now());
  const department = user.department ?? 'centre';
  await ctx.db.knex.transaction((trx) =>
    insertBadAct(
      trx,
      {
        agencyId: null,
        orderId: order.id,
        kind: 'steering',
        reason: `部门人员试图为他人订单 ${order.orderNo} 指定中介机构${p.agencyId ? `（机构 ${p.agencyId}）` : ''}`,
        recordedBy: user.id,
        recordedRole: 'system',
        actorDepartment: user.department,
        createdAt: at,
      },
      { subjectType: 'organisation', subjectCode: organUscc(user.jurisdictionCode, department), subjectName: user.displayName, jurisdictionCode: ancestorCode(order.jurisdictionCode, 'city'), department },
    ),
  );
  return new AppError('MARKET_STEERING', 403, 'A department may not choose the agency on an order it does not own; the attempt has been recorded as a bad act');
}
