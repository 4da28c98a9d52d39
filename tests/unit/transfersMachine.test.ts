import { getNextSnapshot, initialTransition } from 'xstate';
import { transferAgreementMachine } from '../../workflows/transferAgreementMachine';
import { consequenceOf, gradeOf } from '../../workflows/transferEvaluation';
import { INITIAL_ORG_CONTEXT, transferOrgMachine, type EvaluateEvent } from '../../workflows/transferOrgMachine';

/* The evaluation rule and the receiving organisation's machine (docs/transfers.md), one behaviour per test. */

const admin = { role: 'admin', level: 'city' };
const evaluate = (year: number, score: number, actor = admin): EvaluateEvent => ({ type: 'EVALUATE', actor, today: '2026-12-04', year, score });
const at = (value: string, context = INITIAL_ORG_CONTEXT) => transferOrgMachine.resolveState({ value, context });

describe('the evaluation rule', () => {
  it.each([
    [100, 'excellent'], [90, 'excellent'], [89, 'pass'], [75, 'pass'], [74, 'basic'], [60, 'basic'], [59, 'fail'], [0, 'fail'],
  ])('grades %i as %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  it('keeps a qualified organisation that passes', () => {
    expect(consequenceOf('qualified', 'pass')).toEqual({ consequence: 'kept', next: 'qualified' });
  });

  it('puts a qualified organisation graded basic on probation', () => {
    expect(consequenceOf('qualified', 'basic')).toEqual({ consequence: 'probation', next: 'probation' });
  });

  it('removes an organisation that fails, whatever its state', () => {
    expect(consequenceOf('qualified', 'fail').next).toBe('removed');
    expect(consequenceOf('probation', 'fail').next).toBe('removed');
  });

  it('restores an organisation on probation that passes', () => {
    expect(consequenceOf('probation', 'excellent')).toEqual({ consequence: 'restored', next: 'qualified' });
  });

  it('removes an organisation graded basic twice in a row', () => {
    expect(consequenceOf('probation', 'basic')).toEqual({ consequence: 'removed', next: 'removed' });
  });
});

describe('the receiving organisation machine', () => {
  it('starts in the qualified directory with no evaluation', () => {
    const [s] = initialTransition(transferOrgMachine);
    expect(s.value).toBe('qualified');
    expect(s.context).toEqual(INITIAL_ORG_CONTEXT);
  });

  it('records the year, score, grade and consequence of an evaluation that keeps it', () => {
    const s = getNextSnapshot(transferOrgMachine, at('qualified'), evaluate(2025, 92));
    expect(s.value).toBe('qualified');
    expect(s.context).toEqual({ lastYear: 2025, lastScore: 92, lastGrade: 'excellent', lastConsequence: 'kept' });
  });

  it('moves a basic grade to probation', () => {
    expect(getNextSnapshot(transferOrgMachine, at('qualified'), evaluate(2025, 65)).value).toBe('probation');
  });

  it('removes on a fail', () => {
    const s = getNextSnapshot(transferOrgMachine, at('qualified'), evaluate(2025, 40));
    expect(s.value).toBe('removed');
    expect(s.context.lastConsequence).toBe('removed');
  });

  it('restores from probation on a pass', () => {
    const s = getNextSnapshot(transferOrgMachine, at('probation', { ...INITIAL_ORG_CONTEXT, lastYear: 2024 }), evaluate(2025, 80));
    expect(s.value).toBe('qualified');
    expect(s.context.lastConsequence).toBe('restored');
  });

  it('removes from probation on a second basic grade', () => {
    expect(getNextSnapshot(transferOrgMachine, at('probation', { ...INITIAL_ORG_CONTEXT, lastYear: 2024 }), evaluate(2025, 70)).value).toBe('removed');
  });

  it('takes nothing once removed', () => {
    const before = at('removed', { ...INITIAL_ORG_CONTEXT, lastYear: 2024 });
    expect(getNextSnapshot(transferOrgMachine, before, evaluate(2025, 99))).toBe(before);
  });

  it('refuses a year not after the last one evaluated', () => {
    const before = at('qualified', { ...INITIAL_ORG_CONTEXT, lastYear: 2025 });
    expect(getNextSnapshot(transferOrgMachine, before, evaluate(2025, 90))).toBe(before);
    expect(getNextSnapshot(transferOrgMachine, before, evaluate(2024, 90))).toBe(before);
  });

  it('refuses anyone but an administrator', () => {
    const before = at('qualified');
    expect(getNextSnapshot(transferOrgMachine, before, evaluate(2025, 90, { role: 'supervisor', level: 'city' }))).toBe(before);
  });

  it('refuses a score outside 0–100', () => {
    const before = at('qualified');
    expect(getNextSnapshot(transferOrgMachine, before, evaluate(2025, 101))).toBe(before);
  });
});

describe('the agreement machine', () => {
  it('records an agreement with its term and takes no event after', () => {
    const [s] = initialTransition(transferAgreementMachine, { termFrom: '2026-01-01', termTo: '2026-12-31' });
    expect(s.value).toBe('recorded');
    expect(s.context).toEqual({ termFrom: '2026-01-01', termTo: '2026-12-31' });
    expect(s.status).toBe('done');
  });
});
