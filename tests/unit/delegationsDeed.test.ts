import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { deedStanding, deedTermProblems } from '../../workflows/delegation';
import { delegationMachine, type DeedEvent } from '../../workflows/delegationMachine';

const today = '2026-12-04';
const admin = { role: 'admin' };
const published = () => initialTransition(delegationMachine)[0];
const send = (s: AnyMachineSnapshot, e: Omit<DeedEvent, 'today'>) => transition(delegationMachine, s, { ...e, today } as DeedEvent)[0];
const term = { validFrom: '2016-05-01', validTo: '2030-12-31', publishedOn: '2016-04-25', revokedOn: null };

describe('delegation deed machine', () => {
  it('starts published', () => {
    expect(published().value).toBe('published');
  });

  it('is revoked by an administrator with a reason and its effective date', () => {
    const s = send(published(), { type: 'REVOKE', actor: admin, reason: '镇级承接能力不足', revokedOn: today });
    expect(s.value).toBe('revoked');
    expect(s.context).toEqual({ revokedOn: today, revokeReason: '镇级承接能力不足' });
  });

  it('is not revoked by anyone but an administrator', () => {
    const s = published();
    expect(send(s, { type: 'REVOKE', actor: { role: 'supervisor' }, reason: '调整', revokedOn: today })).toBe(s);
  });

  it('is not revoked without a reason', () => {
    const s = published();
    expect(send(s, { type: 'REVOKE', actor: admin, reason: '  ', revokedOn: today })).toBe(s);
  });

  it('is not revoked from a past date', () => {
    const s = published();
    expect(send(s, { type: 'REVOKE', actor: admin, reason: '调整', revokedOn: '2026-12-03' })).toBe(s);
  });

  it('is revoked once', () => {
    const s = send(published(), { type: 'REVOKE', actor: admin, reason: '调整', revokedOn: today });
    expect(send(s, { type: 'REVOKE', actor: admin, reason: '再次', revokedOn: today })).toBe(s);
  });
});

describe('where a deed stands on a date', () => {
  it('is in force within its term once published', () => {
    expect(deedStanding(term, today)).toBe('in_force');
  });

  it('is pending before its term starts', () => {
    expect(deedStanding(term, '2016-04-30')).toBe('pending');
  });

  it('is expired after its term', () => {
    expect(deedStanding(term, '2031-01-01')).toBe('expired');
  });

  it('is revoked from its revocation date on, and in force the day before', () => {
    const revoked = { ...term, revokedOn: '2026-12-10' };
    expect(deedStanding(revoked, '2026-12-09')).toBe('in_force');
    expect(deedStanding(revoked, '2026-12-10')).toBe('revoked');
  });
});

describe('the term and town of a new deed', () => {
  const deed = { townCode: '330381101000', validFrom: '2016-05-01', validTo: '2030-12-31', publishedOn: '2016-04-25' };

  it('accepts a pilot town with a sound term', () => {
    expect(deedTermProblems(deed)).toEqual([]);
  });

  it('refuses a town that is not a pilot town', () => {
    expect(deedTermProblems({ ...deed, townCode: '330381001000' })).toEqual(['the town is not one of the six pilot towns']);
  });

  it('refuses a term that ends before it starts, or one published after it starts', () => {
    expect(deedTermProblems({ ...deed, validTo: '2016-01-01', publishedOn: '2016-06-01' })).toHaveLength(2);
  });

  it('refuses a deed to 龙港镇 running past the day it became 龙港市', () => {
    expect(deedTermProblems({ ...deed, townCode: '330327102000', validFrom: '2018-01-01', validTo: '2020-12-31', publishedOn: '2017-12-20' })).toEqual(['龙港镇 ceased to be a town after 2019-08-15']);
  });
});
