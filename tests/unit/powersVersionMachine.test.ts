import { initialTransition, transition } from 'xstate';
import { powerVersionMachine, type PowerVersionEvent } from '../../workflows/powerVersionMachine';

/*
 * A power list version (workflows/powerVersionMachine.ts): a draft takes
 * reasoned adjustments from an administrator and is published by one; a
 * published version takes nothing. One behaviour per test.
 */
const admin = { role: 'admin' };
const today = '2026-12-04';
const adjust = (over: Partial<Extract<PowerVersionEvent, { type: 'ADJUST' }>> = {}): PowerVersionEvent => ({ type: 'ADJUST', kind: 'cut', reason: '依据已废止', basis: '《行政许可法》第十四条', actor: admin, today, ...over });
const draft = () => initialTransition(powerVersionMachine, {})[0];
const step = (s: ReturnType<typeof draft>, e: PowerVersionEvent) => transition(powerVersionMachine, s, e)[0];

describe('power list version machine', () => {
  it('starts as a draft with no adjustment', () => {
    const s = draft();
    expect([s.value, s.context.adjustments]).toEqual(['draft', 0]);
  });

  it('counts a reasoned adjustment by an administrator', () => {
    expect(step(draft(), adjust()).context.adjustments).toBe(1);
  });

  it('refuses an adjustment without a reason', () => {
    const s = draft();
    expect(step(s, adjust({ reason: '  ' }))).toBe(s);
  });

  it('refuses an adjustment without a basis', () => {
    const s = draft();
    expect(step(s, adjust({ basis: '' }))).toBe(s);
  });

  it('refuses an adjustment by anyone but an administrator', () => {
    const s = draft();
    expect(step(s, adjust({ actor: { role: 'supervisor' } }))).toBe(s);
  });

  it('refuses to publish a draft with no adjustment', () => {
    const s = draft();
    expect(step(s, { type: 'PUBLISH', actor: admin, today })).toBe(s);
  });

  it('publishes an adjusted draft and stamps the day', () => {
    const s = step(step(draft(), adjust()), { type: 'PUBLISH', actor: admin, today });
    expect([s.value, s.context.publishedOn]).toEqual(['published', today]);
  });

  it('takes no adjustment once published', () => {
    const s = step(step(draft(), adjust()), { type: 'PUBLISH', actor: admin, today });
    expect(step(s, adjust())).toBe(s);
  });
});
