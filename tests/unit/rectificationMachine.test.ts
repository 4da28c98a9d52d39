import { transition, type AnyMachineSnapshot } from 'xstate';
import { rectificationActionsIn, rectificationMachine, type RectificationContext, type RectificationEvent } from '../../workflows/rectificationMachine';

/* The rectification (整改) of a bad rating: pure, one behaviour per test. */
const clerk = { role: 'clerk' };
const supervisor = { role: 'supervisor' };
const applicant = { role: 'applicant' };
const system = { role: 'system' };
const today = '2026-12-01';
const at = (value: string, over: Partial<RectificationContext> = {}) =>
  rectificationMachine.resolveState({ value, context: { dueOn: '2026-12-21', overdue: false, realName: true, calledBackOn: null, reached: null, outcome: null, applicantScore: null, ...over } });
const send = (s: AnyMachineSnapshot, e: RectificationEvent) => transition(rectificationMachine, s, e)[0];

describe('the rectification machine', () => {
  it('starts verifying, with its due date and nothing decided', () => {
    const [s] = [rectificationMachine.resolveState({ value: 'verifying', context: at('verifying').context })];
    expect(s.value).toBe('verifying');
    expect(s.context).toMatchObject({ overdue: false, outcome: null });
  });

  it('goes on to the call back once the desk has verified a real-name rating', () => {
    expect(send(at('verifying'), { type: 'VERIFY', actor: clerk, today, reason: '经核实，窗口未一次告知' }).value).toBe('callingBack');
  });

  it('skips the call back for an anonymous rating: nobody to call', () => {
    expect(send(at('verifying', { realName: false }), { type: 'VERIFY', actor: clerk, today, reason: '经核实' }).value).toBe('resolving');
  });

  it('refuses a verification without saying what was found', () => {
    const before = at('verifying');
    expect(send(before, { type: 'VERIFY', actor: clerk, today, reason: '  ' })).toBe(before);
  });

  it('takes the desk’s acts from staff only', () => {
    const before = at('verifying');
    expect(send(before, { type: 'VERIFY', actor: applicant, today, reason: '已核实' })).toBe(before);
  });

  it('records the call back, reached or not, and its day', () => {
    const after = send(at('callingBack'), { type: 'CALL_BACK', actor: clerk, today, reason: '电话回访，申请人表示理解', reached: true });
    expect(after.value).toBe('resolving');
    expect(after.context).toMatchObject({ calledBackOn: today, reached: true });
  });

  it('cannot be answered before the call back', () => {
    const before = at('callingBack');
    expect(send(before, { type: 'FIX', actor: clerk, today, reason: '已整改' })).toBe(before);
  });

  it('is resolved by a fix', () => {
    const after = send(at('resolving'), { type: 'FIX', actor: clerk, today, reason: '已补充一次性告知清单' });
    expect(after.value).toBe('resolved');
    expect(after.context.outcome).toBe('fixed');
  });

  it('is resolved by an explanation', () => {
    const after = send(at('resolving'), { type: 'EXPLAIN', actor: clerk, today, reason: '所提要求无法律依据，已解释' });
    expect(after.context.outcome).toBe('explained');
  });

  it('goes to a supervisor on appeal', () => {
    expect(send(at('resolving'), { type: 'APPEAL', actor: clerk, today, reason: '恶意差评' }).value).toBe('appealed');
  });

  it('is dismissed when a supervisor upholds the appeal', () => {
    const after = send(at('appealed'), { type: 'UPHOLD_APPEAL', actor: supervisor, today, reason: '经复核属恶意差评' });
    expect(after.value).toBe('dismissed');
    expect(after.context.outcome).toBe('dismissed');
  });

  it('goes back to the desk when a supervisor rejects the appeal', () => {
    expect(send(at('appealed'), { type: 'REJECT_APPEAL', actor: supervisor, today, reason: '差评属实' }).value).toBe('resolving');
  });

  it('leaves the appeal’s ruling to a supervisor', () => {
    const before = at('appealed');
    expect(send(before, { type: 'UPHOLD_APPEAL', actor: clerk, today, reason: '恶意' })).toBe(before);
  });

  it('lets the applicant rate the outcome, 1 to 5, and closes', () => {
    const after = send(at('resolved', { outcome: 'fixed' }), { type: 'APPLICANT_RATE', actor: applicant, today, reason: '', score: 4 });
    expect(after.value).toBe('closed');
    expect(after.context.applicantScore).toBe(4);
  });

  it('refuses a rating of the outcome outside 1 to 5', () => {
    const before = at('resolved');
    expect(send(before, { type: 'APPLICANT_RATE', actor: applicant, today, reason: '', score: 6 })).toBe(before);
  });

  it('refuses the applicant’s rating before the desk has answered', () => {
    const before = at('resolving');
    expect(send(before, { type: 'APPLICANT_RATE', actor: applicant, today, reason: '', score: 5 })).toBe(before);
  });

  it('is flagged overdue by the system once the due date has passed, and stays where it was', () => {
    const after = send(at('callingBack'), { type: 'MARK_OVERDUE', actor: system, today: '2026-12-22', reason: '期限届满' });
    expect(after.value).toBe('callingBack');
    expect(after.context.overdue).toBe(true);
  });

  it('is not flagged on its due date', () => {
    const before = at('verifying');
    expect(send(before, { type: 'MARK_OVERDUE', actor: system, today: '2026-12-21', reason: '期限届满' })).toBe(before);
  });

  it('is flagged once only', () => {
    const before = at('resolving', { overdue: true });
    expect(send(before, { type: 'MARK_OVERDUE', actor: system, today: '2026-12-22', reason: '期限届满' })).toBe(before);
  });

  it('is not flagged while a supervisor holds the appeal', () => {
    const before = at('appealed');
    expect(send(before, { type: 'MARK_OVERDUE', actor: system, today: '2026-12-22', reason: '期限届满' })).toBe(before);
  });

  it('offers the desk and the supervisor exactly their buttons', () => {
    expect(rectificationActionsIn('resolving', 'desk')).toEqual(['FIX', 'EXPLAIN', 'APPEAL']);
    expect(rectificationActionsIn('appealed', 'desk')).toEqual([]);
    expect(rectificationActionsIn('appealed', 'supervisor')).toEqual(['UPHOLD_APPEAL', 'REJECT_APPEAL']);
  });
});
