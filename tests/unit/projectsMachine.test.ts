import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { projectActionsIn, projectMachine, type ProjectEvent } from '../../workflows/projectMachine';

const today = '2026-12-04';
const owner = { role: 'applicant' };
const system = { role: 'system' };

type Ev = ProjectEvent extends infer E ? (E extends unknown ? Omit<E, 'today' | 'actor'> & { actor?: { role: string } } : never) : never;
const send = (s: AnyMachineSnapshot, e: Ev): AnyMachineSnapshot => transition(projectMachine, s, { actor: owner, ...e, today } as ProjectEvent)[0];
const coded = () => initialTransition(projectMachine)[0];
const inStage = (stage = 1) => {
  let s = coded();
  for (let n = 1; n < stage; n++) s = send(send(s, { type: 'START_STAGE', stage: n }), { type: 'COMPLETE_STAGE', stage: n, actor: system });
  return send(s, { type: 'START_STAGE', stage });
};
const held = () => send(inStage(), { type: 'HOLD_STAGE', stage: 1, caseNo: '20261204-000001', reason: '不予许可', actor: system });

describe('project machine', () => {
  it('is coded on registration, with no stage running', () => {
    expect([coded().value, coded().context.currentStage]).toEqual(['coded', null]);
  });

  it('starts stage 1 first', () => {
    expect([inStage().value, inStage().context.currentStage]).toEqual(['in_stage', 1]);
  });

  it('refuses to start a stage out of order', () => {
    const s = coded();
    expect(send(s, { type: 'START_STAGE', stage: 2 })).toBe(s);
  });

  it('refuses a second stage while one runs', () => {
    const s = inStage();
    expect(send(s, { type: 'START_STAGE', stage: 2 })).toBe(s);
  });

  it('records a case move without changing state', () => {
    const s = send(inStage(), { type: 'CASE_MOVED', caseNo: '20261204-000001', caseState: 'review', actor: system });
    expect([s.value, s.context.lastCaseNo]).toEqual(['in_stage', '20261204-000001']);
  });

  it('completes the running stage back to coded, remembering it', () => {
    const s = send(inStage(), { type: 'COMPLETE_STAGE', stage: 1, actor: system });
    expect([s.value, s.context.completedStages, s.context.currentStage]).toEqual(['coded', [1], null]);
  });

  it('refuses to complete a stage that is not running', () => {
    const s = inStage();
    expect(send(s, { type: 'COMPLETE_STAGE', stage: 2, actor: system })).toBe(s);
  });

  it('is completed when stage 4 completes', () => {
    expect(send(inStage(4), { type: 'COMPLETE_STAGE', stage: 4, actor: system }).value).toBe('completed');
  });

  it('holds the stage with its reason', () => {
    expect([held().value, held().context.holdReason]).toEqual(['held', '不予许可']);
  });

  it('refuses a hold without a reason', () => {
    const s = inStage();
    expect(send(s, { type: 'HOLD_STAGE', stage: 1, caseNo: 'x', reason: ' ', actor: system })).toBe(s);
  });

  it('resumes a held stage', () => {
    const s = send(held(), { type: 'RESUME', stage: 1 });
    expect([s.value, s.context.holdReason]).toEqual(['in_stage', null]);
  });

  it('opens one declared wait at a time', () => {
    const s = send(coded(), { type: 'DECLARE_WAIT', waitId: 7, kind: 'owner_intermediary' });
    expect(s.context.openWaitId).toBe(7);
    expect(send(s, { type: 'DECLARE_WAIT', waitId: 8, kind: 'utility' })).toBe(s);
  });

  it('ends only the open wait', () => {
    const s = send(inStage(), { type: 'DECLARE_WAIT', waitId: 7, kind: 'utility' });
    expect(send(s, { type: 'END_WAIT', waitId: 8 })).toBe(s);
    expect(send(s, { type: 'END_WAIT', waitId: 7 }).context.openWaitId).toBeNull();
  });

  it('cancels with a reason when no stage runs', () => {
    expect(send(coded(), { type: 'CANCEL', reason: '项目终止' }).value).toBe('cancelled');
  });

  it('refuses to cancel while a stage runs', () => {
    const s = inStage();
    expect(send(s, { type: 'CANCEL', reason: '项目终止' })).toBe(s);
  });

  it('lists the actions of a state for the screen', () => {
    expect(projectActionsIn('coded')).toEqual(expect.arrayContaining(['START_STAGE', 'CANCEL', 'DECLARE_WAIT', 'END_WAIT']));
    expect(projectActionsIn('completed')).toEqual([]);
  });
});
