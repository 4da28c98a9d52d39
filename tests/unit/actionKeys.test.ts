import { ACTION_KEYS, actionHotkeys } from '../../client/src/pages/desk/actionKeys';
import { ACTION_TYPES } from '../../workflows/caseEvents';

describe('the desk action keys', () => {
  it('give every action type one letter of its own', () => {
    const keys = ACTION_TYPES.map((a) => ACTION_KEYS[a]);
    expect(keys.every((k) => /^[A-Z]$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(ACTION_KEYS).sort()).toEqual([...ACTION_TYPES].sort());
  });

  it('map a letter to the same action whatever else is offered, in either case', () => {
    const picked: string[] = [];
    const before = actionHotkeys(['FORWARD', 'RETURN', 'APPROVE', 'DENY', 'EXTEND'], (a) => picked.push(a));
    const after = actionHotkeys(['RETURN', 'APPROVE', 'DENY'], (a) => picked.push(a));
    before.Y!();
    after.y!();
    after.D!();
    expect(picked).toEqual(['APPROVE', 'APPROVE', 'DENY']);
    expect(after.X).toBeUndefined();
  });
});
