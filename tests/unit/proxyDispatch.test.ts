import { isCandidate, pickAgent, rankCandidates, type DispatchAgent, type DispatchRule } from '../../workflows/proxyDispatch';

const rule: DispatchRule = { order: ['area', 'skills', 'load'], maxLoad: 3 };
const LUCHENG = '330000000000/330300000000/330302000000/';
const CITY = '330000000000/330300000000/';
const order = { jurisdictionPath: `${LUCHENG}330302006000/`, stages: [1, 2, 3, 4], declined: [] as number[] };
const agent = (id: number, over: Partial<DispatchAgent> = {}): DispatchAgent => ({ id, jurisdictionPath: LUCHENG, skills: [1, 2, 3, 4], load: 0, active: true, ...over });

describe('proxy dispatch rule', () => {
  it('takes only agents whose area holds the order', () => {
    expect(isCandidate(agent(1, { jurisdictionPath: '330000000000/330300000000/330381000000/' }), order, rule)).toBe(false);
  });

  it('passes over an inactive agent', () => {
    expect(isCandidate(agent(1, { active: false }), order, rule)).toBe(false);
  });

  it('passes over an agent who declined the order', () => {
    expect(isCandidate(agent(1), { ...order, declined: [1] }, rule)).toBe(false);
  });

  it('passes over an agent at the load limit', () => {
    expect(isCandidate(agent(1, { load: 3 }), order, rule)).toBe(false);
  });

  it('prefers the nearest area', () => {
    expect(pickAgent([agent(1, { jurisdictionPath: CITY }), agent(2)], order, rule)!.id).toBe(2);
  });

  it('prefers an agent whose skills cover the order when areas tie', () => {
    expect(pickAgent([agent(1, { skills: [1, 2] }), agent(2, { load: 2 })], order, rule)!.id).toBe(2);
  });

  it('prefers the lighter load when area and skills tie', () => {
    expect(pickAgent([agent(1, { load: 2 }), agent(2, { load: 1 })], order, rule)!.id).toBe(2);
  });

  it('breaks a full tie by id', () => {
    expect(rankCandidates([agent(5), agent(2)], order, rule).map((a) => a.id)).toEqual([2, 5]);
  });

  it('follows the configured order of keys', () => {
    const agents = [agent(1, { load: 2 }), agent(2, { jurisdictionPath: CITY, load: 0 })];
    expect(pickAgent(agents, order, rule)!.id).toBe(1);
    expect(pickAgent(agents, order, { ...rule, order: ['load', 'area', 'skills'] })!.id).toBe(2);
  });

  it('answers null when nobody is left', () => {
    expect(pickAgent([agent(1)], { ...order, declined: [1] }, rule)).toBeNull();
  });
});
