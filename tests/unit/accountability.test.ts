import { applyTriggers, matterName, mattersOf } from '../../workflows/accountability';

/** 问责: which responsibility matters a case's trouble reaches (workflows/accountability.ts). */
const PERMIT = ['受理责任：依法受理或不予受理', '审查责任：对申请材料进行审查', '决定责任：在法定期限内作出决定', '送达责任：颁发、送达许可证件', '事后监管责任：监督检查'].map((matter, i) => ({ seq: i + 1, matter }));
const reached = (triggers: Parameters<typeof applyTriggers>[1]) => applyTriggers(PERMIT, triggers).duties.filter((d) => d.reachedBy.length).map((d) => matterName(d.matter));

describe('accountability', () => {
  it('names a matter without its 责任 and its text', () => {
    expect(matterName('事后监管责任：对被许可人…')).toBe('事后监管');
  });

  it('takes a bad rating at acceptance to the acceptance', () => {
    expect(reached([{ kind: 'bad_rating', stage: 'accept', caseState: 'review' }])).toEqual(['受理']);
  });

  it('takes a bad final rating of a refusal to acceptance, of a denial to the decision', () => {
    expect(reached([{ kind: 'bad_rating', stage: 'final', caseState: 'refused' }])).toEqual(['受理']);
    expect(reached([{ kind: 'bad_rating', stage: 'final', caseState: 'denied' }])).toEqual(['决定']);
  });

  it('takes a bad final rating of a granted case to review, decision and delivery', () => {
    expect(reached([{ kind: 'bad_rating', stage: 'final', caseState: 'completed' }])).toEqual(['审查', '决定', '送达']);
  });

  it('takes an overdue case to the step holding it, or to the decision once it ended late', () => {
    expect(reached([{ kind: 'overdue_case', stepKind: 'review', ended: false }])).toEqual(['审查']);
    expect(reached([{ kind: 'overdue_case', stepKind: 'deliver', ended: false }])).toEqual(['送达']);
    expect(reached([{ kind: 'overdue_case', stepKind: null, ended: true }])).toEqual(['决定']);
  });

  it('marks a matter once per trigger kind and keeps every trigger that reaches it', () => {
    const out = applyTriggers(PERMIT, [
      { kind: 'bad_rating', stage: 'final', caseState: 'denied' },
      { kind: 'overdue_case', stepKind: null, ended: true },
      { kind: 'bad_rating', stage: 'final', caseState: 'denied' },
    ]);
    expect(out.duties.find((d) => d.matter.startsWith('决定'))!.reachedBy).toEqual(['bad_rating', 'overdue_case']);
  });

  it('reports a trigger the list names no matter for, rather than guessing', () => {
    const payments = [{ seq: 1, matter: '审核责任：审核申请人条件' }, { seq: 2, matter: '发放责任：按标准发放' }];
    const out = applyTriggers(payments, [{ kind: 'bad_rating', stage: 'accept', caseState: 'review' }]);
    expect([out.duties.every((d) => d.reachedBy.length === 0), out.unmatched]).toEqual([true, ['bad_rating']]);
  });

  it('gives a late rectification no matter of the power (the rating rules answer for it)', () => {
    expect(mattersOf({ kind: 'rectification_overdue' })).toEqual([]);
    expect(applyTriggers(PERMIT, [{ kind: 'rectification_overdue' }]).unmatched).toEqual([]);
  });
});
