import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { marketOrderMachine, orderActionsIn, type OrderEvent, type OrderMethod } from '../../workflows/marketOrderMachine';

const today = '2026-12-03';
const centre = { role: 'clerk' };
const owner = { role: 'applicant' };
const agency = { role: 'intermediary' };
const system = { role: 'system' };

type Ev = OrderEvent extends infer E ? (E extends unknown ? Omit<E, 'today'> : never) : never;
const send = (s: AnyMachineSnapshot, e: Ev): AnyMachineSnapshot => transition(marketOrderMachine, s, { ...e, today } as OrderEvent)[0];
const posted = (method: OrderMethod = 'random') => initialTransition(marketOrderMachine, { method, budgetMax: 50_000 })[0];
const open = (method: OrderMethod = 'random') => send(posted(method), { type: 'APPROVE', actor: centre, commitment: 'c'.repeat(64) });
function selecting(method: OrderMethod = 'random', agencies = [1, 2, 3]) {
  let s = open(method);
  for (const id of agencies) s = send(s, { type: 'SIGN_UP', actor: agency, agencyId: id });
  return send(s, { type: 'CLOSE_SIGNUP', actor: system });
}
const chosen = (method: OrderMethod = 'random', id = 2) => send(selecting(method), method === 'direct' ? { type: 'SELECT', actor: owner, agencyId: id } : method === 'random' ? { type: 'DRAW', actor: system, agencyId: id } : { type: 'OPEN_QUOTES', actor: system, agencyId: id });
const inService = () => {
  let s = send(chosen(), { type: 'CONFIRM', actor: agency });
  s = send(s, { type: 'UPLOAD_CONTRACT', actor: agency, amount: 30_000, fileId: 'f1' });
  return send(s, { type: 'CONFIRM_CONTRACT', actor: owner, serviceDueOn: '2026-12-20' });
};

describe('market order machine', () => {
  it('starts in review by the centre', () => {
    expect(posted().value).toBe('in_review');
  });

  it('opens sign-up on approval with the draw commitment published', () => {
    const s = open();
    expect(s.value).toBe('signup');
    expect(s.context.commitment).toBe('c'.repeat(64));
  });

  it('is not approved by the owner', () => {
    const s = posted();
    expect(send(s, { type: 'APPROVE', actor: owner, commitment: 'x' })).toBe(s);
  });

  it('returns to the owner only with a reason, and takes the resubmission', () => {
    const s = posted();
    expect(send(s, { type: 'REJECT', actor: centre })).toBe(s);
    const r = send(s, { type: 'REJECT', actor: centre, reason: '预算区间不明确' });
    expect(r.value).toBe('returned');
    expect(r.context.lastReason).toBe('预算区间不明确');
    expect(send(r, { type: 'RESUBMIT', actor: owner }).value).toBe('in_review');
  });

  it('takes each agency’s sign-up once', () => {
    const s = send(open(), { type: 'SIGN_UP', actor: agency, agencyId: 7 });
    expect(s.context.signups).toEqual([7]);
    expect(send(s, { type: 'SIGN_UP', actor: agency, agencyId: 7 })).toBe(s);
  });

  it('expires when sign-up closes with nobody signed up', () => {
    expect(send(open(), { type: 'CLOSE_SIGNUP', actor: system }).value).toBe('expired');
  });

  it('moves to selection when sign-up closes with candidates, and only the system closes it', () => {
    const s = send(open(), { type: 'SIGN_UP', actor: agency, agencyId: 7 });
    expect(send(s, { type: 'CLOSE_SIGNUP', actor: owner })).toBe(s);
    const c = send(s, { type: 'CLOSE_SIGNUP', actor: system });
    expect(c.value).toBe('selecting');
    expect(c.context.candidates).toEqual([7]);
  });

  it('lets the owner choose directly only among the candidates of a direct order', () => {
    const s = selecting('direct');
    expect(send(s, { type: 'SELECT', actor: owner, agencyId: 9 })).toBe(s);
    expect(send(s, { type: 'SELECT', actor: owner, agencyId: 3 }).context.chosenAgencyId).toBe(3);
  });

  it('does not let the owner choose on a random order', () => {
    const s = selecting('random');
    expect(send(s, { type: 'SELECT', actor: owner, agencyId: 1 })).toBe(s);
  });

  it('takes the system’s draw on a random order', () => {
    const s = chosen('random', 2);
    expect(s.value).toBe('awaiting_confirmation');
    expect(s.context.chosenAgencyId).toBe(2);
  });

  it('opens the quotes of a bidding order together', () => {
    const s = chosen('bidding', 1);
    expect(s.context.quotesOpened).toBe(true);
    expect(s.value).toBe('awaiting_confirmation');
  });

  it('expires when the quotes give no valid winner', () => {
    expect(send(selecting('bidding'), { type: 'OPEN_QUOTES', actor: system, agencyId: null }).value).toBe('expired');
  });

  it('puts the order back to selection without the agency that declined', () => {
    const s = send(chosen('random', 2), { type: 'DECLINE', actor: agency, reason: '人员不足' });
    expect(s.value).toBe('selecting');
    expect(s.context.declined).toEqual([2]);
    expect(send(s, { type: 'PICK_NEXT', actor: system, agencyId: 2 })).toBe(s);
    expect(send(s, { type: 'PICK_NEXT', actor: system, agencyId: 3 }).context.chosenAgencyId).toBe(3);
  });

  it('needs a reason to decline', () => {
    const s = chosen();
    expect(send(s, { type: 'DECLINE', actor: agency })).toBe(s);
  });

  it('expires when the last candidate declines', () => {
    let s = send(open('direct'), { type: 'SIGN_UP', actor: agency, agencyId: 5 });
    s = send(send(s, { type: 'CLOSE_SIGNUP', actor: system }), { type: 'SELECT', actor: owner, agencyId: 5 });
    expect(send(s, { type: 'DECLINE', actor: system, reason: '逾期未确认' }).value).toBe('expired');
  });

  it('refuses a contract above the budget', () => {
    const s = send(chosen(), { type: 'CONFIRM', actor: agency });
    expect(send(s, { type: 'UPLOAD_CONTRACT', actor: agency, amount: 50_001, fileId: 'f' })).toBe(s);
    expect(send(s, { type: 'UPLOAD_CONTRACT', actor: agency, amount: 50_000, fileId: 'f' }).value).toBe('contract_review');
  });

  it('sends a rejected contract back for re-upload', () => {
    let s = send(chosen(), { type: 'CONFIRM', actor: agency });
    s = send(s, { type: 'UPLOAD_CONTRACT', actor: agency, amount: 10, fileId: 'f' });
    expect(send(s, { type: 'REJECT_CONTRACT', actor: owner, reason: '金额有误' }).value).toBe('contract');
  });

  it('starts the service with its due date when the owner confirms the contract', () => {
    const s = inService();
    expect(s.value).toBe('in_service');
    expect(s.context.serviceDueOn).toBe('2026-12-20');
  });

  it('flags an overdue service once', () => {
    const s = send(inService(), { type: 'MARK_OVERDUE', actor: system });
    expect(s.context.overdue).toBe(true);
    expect(send(s, { type: 'MARK_OVERDUE', actor: system })).toBe(s);
  });

  it('completes when the owner accepts the delivered result', () => {
    const r = send(inService(), { type: 'DELIVER_RESULT', actor: agency, fileId: 'r1' });
    expect(r.value).toBe('result_review');
    expect(send(r, { type: 'ACCEPT_RESULT', actor: owner }).value).toBe('completed');
  });

  it('returns a result to the service with a reason', () => {
    const r = send(inService(), { type: 'DELIVER_RESULT', actor: agency, fileId: 'r1' });
    expect(send(r, { type: 'RETURN_RESULT', actor: owner, reason: '缺少附图' }).value).toBe('in_service');
  });

  it('lets the centre terminate a service with a reason', () => {
    expect(send(inService(), { type: 'TERMINATE', actor: centre, reason: '服务中止' }).value).toBe('terminated');
  });

  it('lets the owner cancel before selection but not after', () => {
    expect(send(open(), { type: 'CANCEL', actor: owner }).value).toBe('cancelled');
    const s = selecting();
    expect(send(s, { type: 'CANCEL', actor: owner })).toBe(s);
  });

  it('names the events of a state', () => {
    expect(orderActionsIn('signup')).toEqual(expect.arrayContaining(['SIGN_UP', 'CLOSE_SIGNUP', 'CANCEL']));
    expect(orderActionsIn('completed')).toEqual([]);
  });
});
