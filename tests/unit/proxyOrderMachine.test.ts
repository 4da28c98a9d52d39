import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { proxyActionsIn, proxyOrderMachine, stagesOf, type ProxyEvent } from '../../workflows/proxyOrderMachine';

const today = '2026-12-04';
const centre = { role: 'clerk' };
const owner = { role: 'applicant' };
const agent = { role: 'proxy_agent' };
const system = { role: 'system' };

type Ev = ProxyEvent extends infer E ? (E extends unknown ? Omit<E, 'today'> : never) : never;
const send = (s: AnyMachineSnapshot, e: Ev): AnyMachineSnapshot => transition(proxyOrderMachine, s, { ...e, today } as ProxyEvent)[0];
const requested = () => initialTransition(proxyOrderMachine, { scope: 'full', stage: null })[0];
const dispatched = (agentId = 7) => send(requested(), { type: 'DISPATCH', actor: centre, agentId, agentUserId: 70 + agentId });
const inService = () => send(dispatched(), { type: 'ACCEPT', actor: agent, dueOn: '2027-03-14' });
const completed = () => send(inService(), { type: 'COMPLETE', actor: agent, reason: '立项、规划许可均已办结', results: '批复文件已交还业主' });

describe('proxy order machine', () => {
  it('starts in the pool once the entrustment is signed', () => {
    expect(requested().value).toBe('requested');
  });

  it('is dispatched by the centre to one agent', () => {
    const s = dispatched(7);
    expect(s.value).toBe('dispatched');
    expect(s.context.agentId).toBe(7);
    expect(s.context.watchers).toEqual([77]);
  });

  it('is not dispatched by an agent', () => {
    const s = requested();
    expect(send(s, { type: 'DISPATCH', actor: agent, agentId: 1, agentUserId: null })).toBe(s);
  });

  it('is accepted by the agent with a due date', () => {
    const s = inService();
    expect(s.value).toBe('in_service');
    expect(s.context.dueOn).toBe('2027-03-14');
  });

  it('is declined only with a reason', () => {
    const s = dispatched();
    expect(send(s, { type: 'DECLINE', actor: agent })).toBe(s);
  });

  it('goes back to the pool on a decline, the agent remembered', () => {
    const s = send(dispatched(7), { type: 'DECLINE', actor: agent, reason: '本周在外培训' });
    expect(s.value).toBe('requested');
    expect(s.context.agentId).toBeNull();
    expect(s.context.declined).toEqual([7]);
    expect(s.context.lastReason).toBe('本周在外培训');
  });

  it('is never dispatched again to an agent who declined', () => {
    const s = send(dispatched(7), { type: 'DECLINE', actor: agent, reason: '忙' });
    expect(send(s, { type: 'DISPATCH', actor: system, agentId: 7, agentUserId: 77 })).toBe(s);
    expect(send(s, { type: 'DISPATCH', actor: system, agentId: 8, agentUserId: 78 }).value).toBe('dispatched');
  });

  it('goes back to the pool when the time to answer passes', () => {
    const s = send(dispatched(7), { type: 'TIMEOUT', actor: system, reason: '超时未接单' });
    expect(s.value).toBe('requested');
    expect(s.context.declined).toEqual([7]);
  });

  it('is not timed out by an agent', () => {
    const s = dispatched();
    expect(send(s, { type: 'TIMEOUT', actor: agent, reason: 'x' })).toBe(s);
  });

  it('is claimed from the pool by an agent, straight into service', () => {
    const s = send(requested(), { type: 'CLAIM', actor: agent, agentId: 3, agentUserId: 33, dueOn: '2027-01-20' });
    expect(s.value).toBe('in_service');
    expect(s.context).toMatchObject({ agentId: 3, dueOn: '2027-01-20', watchers: [33] });
  });

  it('counts progress reports, which need words', () => {
    const s = inService();
    expect(send(s, { type: 'REPORT', actor: agent })).toBe(s);
    expect(send(s, { type: 'REPORT', actor: agent, reason: '已提交用地预审' }).context.reports).toBe(1);
  });

  it('completes with a completion record (办结单) of what was done and the results handed back', () => {
    const s = completed();
    expect(s.value).toBe('completed');
    expect(s.context.completion).toEqual({ summary: '立项、规划许可均已办结', results: '批复文件已交还业主' });
  });

  it('does not complete without the results handed back', () => {
    const s = inService();
    expect(send(s, { type: 'COMPLETE', actor: agent, reason: '办完', results: ' ' })).toBe(s);
  });

  it('is stopped (终止单) with a reason and who asked', () => {
    const s = send(inService(), { type: 'STOP', actor: owner, reason: '项目暂缓', askedBy: 'owner' });
    expect(s.value).toBe('stopped');
    expect(s.context.stop).toEqual({ reason: '项目暂缓', askedBy: 'owner' });
  });

  it('is renewed (续办) by the owner: a new due date, still in service, no longer overdue', () => {
    let s = send(inService(), { type: 'MARK_OVERDUE', actor: system });
    expect(s.context.overdue).toBe(true);
    s = send(s, { type: 'RENEW', actor: owner, dueOn: '2027-06-30', reason: '续办第二阶段' });
    expect(s.value).toBe('in_service');
    expect(s.context).toMatchObject({ dueOn: '2027-06-30', overdue: false, renewals: 1 });
  });

  it('is flagged overdue once only', () => {
    const s = send(inService(), { type: 'MARK_OVERDUE', actor: system });
    expect(send(s, { type: 'MARK_OVERDUE', actor: system })).toBe(s);
  });

  it('is rated by the owner once, 1 to 5', () => {
    const s = completed();
    expect(send(s, { type: 'RATE', actor: owner, rating: 6 })).toBe(s);
    expect(send(s, { type: 'RATE', actor: agent, rating: 5 })).toBe(s);
    const rated = send(s, { type: 'RATE', actor: owner, rating: 5, comment: '很专业' });
    expect(rated.context.rating).toBe(5);
    expect(send(rated, { type: 'RATE', actor: owner, rating: 4 })).toBe(rated);
  });

  it('is not rated while in service', () => {
    const s = inService();
    expect(send(s, { type: 'RATE', actor: owner, rating: 5 })).toBe(s);
  });

  it('is cancelled by the owner before acceptance, not after', () => {
    expect(send(dispatched(), { type: 'CANCEL', actor: owner }).value).toBe('cancelled');
    const s = inService();
    expect(send(s, { type: 'CANCEL', actor: owner })).toBe(s);
  });

  it('lists the events of a state', () => {
    expect(proxyActionsIn('dispatched').sort()).toEqual(['ACCEPT', 'CANCEL', 'DECLINE', 'TIMEOUT']);
  });

  it('covers all four stages for 全程代办, one for a stage', () => {
    expect(stagesOf({ scope: 'full', stage: null })).toEqual([1, 2, 3, 4]);
    expect(stagesOf({ scope: 'stage', stage: 2 })).toEqual([2]);
  });
});
