import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { marketComplaintMachine, marketRatingMachine, ratingActionsIn } from '../../workflows/marketRatingMachine';

const today = '2026-12-03';
const centre = { role: 'supervisor', level: 'city' };
const reviewer = { role: 'reviewer', level: 'city' };
const agency = { role: 'intermediary', level: 'city' };

const pending = () => marketRatingMachine.resolveState({ value: 'pending', context: { rejection: null } });
const send = (m: AnyStateMachine, s: AnyMachineSnapshot, e: Record<string, unknown>) => transition(m, s, { today, ...e } as never)[0];

describe('market rating machine', () => {
  it('counts a rating the centre approves', () => {
    expect(send(marketRatingMachine, pending(), { type: 'APPROVE', actor: centre }).value).toBe('approved');
  });

  it('rejects a rating with the centre’s reason', () => {
    const s = send(marketRatingMachine, pending(), { type: 'REJECT', actor: centre, reason: ' 与事实不符 ' });
    expect(s.value).toBe('rejected');
    expect(s.context.rejection).toBe('与事实不符');
  });

  it('does not reject without a reason', () => {
    const s = pending();
    expect(send(marketRatingMachine, s, { type: 'REJECT', actor: centre, reason: '  ' })).toBe(s);
  });

  it('lets nobody but the centre moderate (a department reviewer cannot)', () => {
    const s = pending();
    expect(send(marketRatingMachine, s, { type: 'APPROVE', actor: reviewer })).toBe(s);
  });

  it('lets an agency never approve a rating', () => {
    const s = pending();
    expect(send(marketRatingMachine, s, { type: 'APPROVE', actor: agency })).toBe(s);
  });

  it('takes nothing once approved: a rating made and counted cannot be hidden', () => {
    const s = send(marketRatingMachine, pending(), { type: 'APPROVE', actor: centre });
    expect(send(marketRatingMachine, s, { type: 'REJECT', actor: centre, reason: '撤下' })).toBe(s);
  });

  it('takes nothing once rejected', () => {
    const s = send(marketRatingMachine, pending(), { type: 'REJECT', actor: centre, reason: '重复' });
    expect(send(marketRatingMachine, s, { type: 'APPROVE', actor: centre })).toBe(s);
  });

  it('names the moderation actions of each state', () => {
    expect(ratingActionsIn('pending').sort()).toEqual(['APPROVE', 'REJECT']);
    expect(ratingActionsIn('approved')).toEqual([]);
  });
});

describe('market complaint machine', () => {
  const open = () => marketComplaintMachine.resolveState({ value: 'open', context: { outcome: null } });

  it('is closed by the centre with its outcome', () => {
    const s = send(marketComplaintMachine, open(), { type: 'CLOSE', actor: centre, reason: '已约谈机构，退还超收费用' });
    expect(s.value).toBe('closed');
    expect(s.context.outcome).toBe('已约谈机构，退还超收费用');
  });

  it('is not closed without an outcome', () => {
    const s = open();
    expect(send(marketComplaintMachine, s, { type: 'CLOSE', actor: centre })).toBe(s);
  });

  it('is not closed by anyone but the centre', () => {
    const s = open();
    expect(send(marketComplaintMachine, s, { type: 'CLOSE', actor: reviewer, reason: '已处理' })).toBe(s);
  });
});
