import { transition, type AnyMachineSnapshot } from 'xstate';
import { outcomesIn, postCheckMachine, type PostCheckEvent } from '../../workflows/postCheckMachine';

/* The post-check (核查) of a written commitment: pure, one behaviour per test. */
const reviewer = { role: 'reviewer' };
const system = { role: 'system' };
const open = (overdue = false) => postCheckMachine.resolveState({ value: 'open', context: { dueOn: '2026-12-31', overdue, decisionNo: null } });
const send = (s: AnyMachineSnapshot, e: PostCheckEvent) => transition(postCheckMachine, s, e)[0];

describe('the post-check machine', () => {
  it('confirms a commitment that held', () => {
    expect(send(open(), { type: 'CONFIRM', actor: reviewer, today: '2026-12-01', reason: '经核查，场所属实' }).value).toBe('confirmed');
  });

  it('finds a commitment false with a decision number, and records it', () => {
    const after = send(open(), { type: 'FIND_FALSE', actor: reviewer, today: '2026-12-01', reason: '场所不存在', decisionNo: '温市监核〔2026〕1号' });
    expect(after.value).toBe('found_false');
    expect(after.context.decisionNo).toBe('温市监核〔2026〕1号');
  });

  it('refuses a false finding without a decision number', () => {
    const before = open();
    expect(send(before, { type: 'FIND_FALSE', actor: reviewer, today: '2026-12-01', reason: '场所不存在', decisionNo: ' ' })).toBe(before);
  });

  it('refuses an outcome without a reason', () => {
    const before = open();
    expect(send(before, { type: 'CONFIRM', actor: reviewer, today: '2026-12-01', reason: '  ' })).toBe(before);
  });

  it('takes an outcome from a reviewer only', () => {
    const before = open();
    expect(send(before, { type: 'CONFIRM', actor: { role: 'applicant' }, today: '2026-12-01', reason: '属实' })).toBe(before);
  });

  it('flags an open task overdue once its due date has passed, and stays open', () => {
    const after = send(open(), { type: 'MARK_OVERDUE', actor: system, today: '2027-01-04', reason: '期限届满' });
    expect(after.value).toBe('open');
    expect(after.context.overdue).toBe(true);
  });

  it('does not flag a task before its due date has passed', () => {
    const before = open();
    expect(send(before, { type: 'MARK_OVERDUE', actor: system, today: '2026-12-31', reason: '期限届满' })).toBe(before);
  });

  it('flags a task overdue once only', () => {
    const before = open(true);
    expect(send(before, { type: 'MARK_OVERDUE', actor: system, today: '2027-01-04', reason: '期限届满' })).toBe(before);
  });

  it('leaves the overdue flag to the system', () => {
    const before = open();
    expect(send(before, { type: 'MARK_OVERDUE', actor: reviewer, today: '2027-01-04', reason: '期限届满' })).toBe(before);
  });

  it('still takes an outcome when overdue', () => {
    expect(send(open(true), { type: 'CONFIRM', actor: reviewer, today: '2027-01-05', reason: '逾期核查，属实' }).value).toBe('confirmed');
  });

  it('takes nothing after its outcome', () => {
    const done = send(open(), { type: 'CONFIRM', actor: reviewer, today: '2026-12-01', reason: '属实' });
    expect(send(done, { type: 'FIND_FALSE', actor: reviewer, today: '2026-12-02', reason: '不实', decisionNo: 'X' })).toBe(done);
    expect(outcomesIn(String(done.value))).toEqual([]);
  });

  it('offers both outcomes while open', () => {
    expect(outcomesIn('open')).toEqual(['CONFIRM', 'FIND_FALSE']);
  });
});
