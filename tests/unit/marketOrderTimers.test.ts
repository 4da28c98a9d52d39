import type { OrderRow } from '../../db/repositories/market/orders';
import { nextDueAt } from '../../server/market/orders/orderAggregate';
import { levelMeets } from '../../server/market/orders/eligibility';
import type { OrderContext } from '../../workflows/marketOrderMachine';

const order = (method: OrderRow['method']) => ({ method, signupDeadline: '2026-12-10 09:00:00.000', selectionAt: '2026-12-10 10:00:00.000' }) as OrderRow;
const ctx = (c: Partial<OrderContext> = {}) => ({ overdue: false, serviceDueOn: null, ...c }) as OrderContext;
const at = '2026-12-03 02:00:00.000';

describe('market order timers (next_due_at)', () => {
  it('closes sign-up at the deadline', () => {
    expect(nextDueAt(order('random'), 'signup', ctx(), at, 48)).toBe('2026-12-10 09:00:00.000');
  });

  it('draws or opens quotes at the selection time', () => {
    expect(nextDueAt(order('random'), 'selecting', ctx(), at, 48)).toBe('2026-12-10 10:00:00.000');
    expect(nextDueAt(order('bidding'), 'selecting', ctx(), at, 48)).toBe('2026-12-10 10:00:00.000');
  });

  it('has no timer while the owner of a direct order chooses', () => {
    expect(nextDueAt(order('direct'), 'selecting', ctx(), at, 48)).toBeNull();
  });

  it('gives the chosen agency MARKET_CONFIRM_HOURS to confirm', () => {
    expect(nextDueAt(order('random'), 'awaiting_confirmation', ctx(), at, 48)).toBe('2026-12-05 02:00:00.000');
  });

  it('flags a service late from the start of the China day after its due date', () => {
    expect(nextDueAt(order('random'), 'in_service', ctx({ serviceDueOn: '2026-12-17' }), at, 48)).toBe('2026-12-17 16:00:00.000');
  });

  it('has no timer once the service is flagged overdue, nor in a final state', () => {
    expect(nextDueAt(order('random'), 'in_service', ctx({ serviceDueOn: '2026-12-17', overdue: true }), at, 48)).toBeNull();
    expect(nextDueAt(order('random'), 'completed', ctx(), at, 48)).toBeNull();
  });
});

describe('qualification levels', () => {
  it('takes a higher level for a lower requirement, not the reverse', () => {
    expect(levelMeets('甲级', '乙级')).toBe(true);
    expect(levelMeets('丙级', '乙级')).toBe(false);
    expect(levelMeets('乙级', null)).toBe(true);
  });
});
