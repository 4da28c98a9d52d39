import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { agencyMachine, agencyOperationsIn, APPEAL_DAYS, initialAgencyContext, type AgencyContext, type AgencyEvent } from '../../workflows/agencyMachine';
import { addCalendarDays } from '../../workflows/calendar';

const today = '2026-12-03';
const centre = { role: 'supervisor' };
const agency = { role: 'intermediary' };
const system = { role: 'system' };
const clerk = { role: 'clerk' };

const at = (value: string, context: Partial<AgencyContext> = {}): AnyMachineSnapshot => agencyMachine.resolveState({ value, context: { ...initialAgencyContext(), ...context } });
const send = (s: AnyMachineSnapshot, e: { type: AgencyEvent['type']; actor: { role: string }; reason?: string; decisionNo?: string; today?: string }): AnyMachineSnapshot =>
  transition(agencyMachine, s, { today, ...e } as AgencyEvent)[0];
const expelled = () => send(at('listed'), { type: 'EXPEL', actor: centre, reason: '出具虚假报告', decisionNo: '温中介清〔2026〕1号' });

describe('agency machine', () => {
  it('starts pending', () => {
    const [s] = initialTransition(agencyMachine);
    expect(s.value).toBe('pending');
  });

  it('lists a pending agency the centre approves', () => {
    expect(send(at('pending'), { type: 'APPROVE', actor: centre }).value).toBe('listed');
  });

  it('lets nobody but the centre approve', () => {
    const s = at('pending');
    expect(send(s, { type: 'APPROVE', actor: clerk })).toBe(s);
    expect(send(s, { type: 'APPROVE', actor: agency })).toBe(s);
  });

  it('rejects only with a reason, and keeps it', () => {
    const s = at('pending');
    expect(send(s, { type: 'REJECT', actor: centre, reason: ' ' })).toBe(s);
    const r = send(s, { type: 'REJECT', actor: centre, reason: '资质证书已过期' });
    expect(r.value).toBe('rejected');
    expect(r.context.note).toBe('资质证书已过期');
  });

  it('takes nothing once rejected', () => {
    expect(agencyOperationsIn('rejected')).toEqual([]);
  });

  it('suspends a listed agency with a reason and restores it', () => {
    const s = send(at('listed'), { type: 'SUSPEND', actor: centre, reason: '整改期间' });
    expect(s.value).toBe('suspended');
    expect(send(s, { type: 'RESTORE', actor: centre, reason: '整改完成' }).value).toBe('listed');
  });

  it('does not suspend without a reason', () => {
    const s = at('listed');
    expect(send(s, { type: 'SUSPEND', actor: centre })).toBe(s);
  });

  it('expels only with a reason and a decision number', () => {
    const s = at('listed');
    expect(send(s, { type: 'EXPEL', actor: centre, reason: '虚假报告' })).toBe(s);
    expect(send(s, { type: 'EXPEL', actor: centre, decisionNo: 'X1' })).toBe(s);
  });

  it('records the decision and the appeal deadline on expulsion', () => {
    const s = expelled();
    expect(s.value).toBe('expelled');
    expect(s.context.decisionNo).toBe('温中介清〔2026〕1号');
    expect(s.context.appealUntil).toBe(addCalendarDays(today, APPEAL_DAYS));
  });

  it('expels a suspended agency too', () => {
    const s = send(at('suspended'), { type: 'EXPEL', actor: centre, reason: '逾期未整改', decisionNo: 'D-2' });
    expect(s.value).toBe('expelled');
  });

  it('lets the agency appeal with grounds within the limit', () => {
    const s = send(expelled(), { type: 'APPEAL', actor: agency, reason: '报告经复核无误' });
    expect(s.value).toBe('appealing');
    expect(s.context.appealGrounds).toBe('报告经复核无误');
  });

  it('refuses an appeal after the limit', () => {
    const s = expelled();
    expect(send(s, { type: 'APPEAL', actor: agency, reason: '理由', today: addCalendarDays(today, APPEAL_DAYS + 1) })).toBe(s);
  });

  it('refuses an appeal by anyone but the agency', () => {
    const s = expelled();
    expect(send(s, { type: 'APPEAL', actor: centre, reason: '理由' })).toBe(s);
  });

  it('upholds an expulsion and takes no second appeal', () => {
    const upheld = send(send(expelled(), { type: 'APPEAL', actor: agency, reason: '理由' }), { type: 'UPHOLD', actor: centre, reason: '维持清退决定' });
    expect(upheld.value).toBe('expelled');
    expect(send(upheld, { type: 'APPEAL', actor: agency, reason: '再次申诉' })).toBe(upheld);
  });

  it('lists the agency again when the appeal is upheld in its favour (overturn)', () => {
    const s = send(send(expelled(), { type: 'APPEAL', actor: agency, reason: '理由' }), { type: 'OVERTURN', actor: centre, reason: '撤销清退决定' });
    expect(s.value).toBe('listed');
  });

  it('flags an unreviewed registration overdue once, by the timer only', () => {
    const s = at('pending');
    expect(send(s, { type: 'REVIEW_OVERDUE', actor: centre })).toBe(s);
    const flagged = send(s, { type: 'REVIEW_OVERDUE', actor: system });
    expect(flagged.value).toBe('pending');
    expect(flagged.context.reviewOverdue).toBe(true);
    expect(send(flagged, { type: 'REVIEW_OVERDUE', actor: system })).toBe(flagged);
  });

  it('clears the overdue flag when the centre decides', () => {
    expect(send(at('pending', { reviewOverdue: true }), { type: 'APPROVE', actor: centre }).context.reviewOverdue).toBe(false);
  });

  it('flags an unreviewed appeal overdue', () => {
    expect(send(at('appealing', { appealed: true }), { type: 'REVIEW_OVERDUE', actor: system }).context.reviewOverdue).toBe(true);
  });
});
