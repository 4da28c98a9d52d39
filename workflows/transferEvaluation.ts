/**
 * The annual evaluation (年度考评) of a receiving organisation and what it
 * does to the organisation's place in the qualified directory (承接组织目录).
 * Wenzhou's rules name the evaluation but not its scoring (SEED-SERVICES §6:
 * "not found"), so this is the rule we chose (docs/transfers.md):
 *
 *   score ≥ 90 优秀 excellent, ≥ 75 合格 pass, ≥ 60 基本合格 basic, < 60 不合格 fail.
 *
 *   in the directory (qualified): excellent/pass → kept; basic → probation
 *     (限期整改: no new agreement until a later evaluation passes); fail → removed.
 *   on probation: excellent/pass → restored; basic again or fail → removed.
 *   removed: out of the directory for good — no new agreement, none renewed.
 *
 * Pure: the machine (transferOrgMachine.ts) and the seed both apply it.
 */
export const TRANSFER_GRADES = ['excellent', 'pass', 'basic', 'fail'] as const;
export type TransferGrade = (typeof TRANSFER_GRADES)[number];

export const ORG_STATES = ['qualified', 'probation', 'removed'] as const;
export type OrgState = (typeof ORG_STATES)[number];

export const CONSEQUENCES = ['kept', 'restored', 'probation', 'removed'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export const GRADE_FLOORS: Record<Exclude<TransferGrade, 'fail'>, number> = { excellent: 90, pass: 75, basic: 60 };

export function gradeOf(score: number): TransferGrade {
  if (score >= GRADE_FLOORS.excellent) return 'excellent';
  if (score >= GRADE_FLOORS.pass) return 'pass';
  if (score >= GRADE_FLOORS.basic) return 'basic';
  return 'fail';
}

/** The consequence of a grade for an organisation in `state`, and the state it leaves it in. */
export function consequenceOf(state: Exclude<OrgState, 'removed'>, grade: TransferGrade): { consequence: Consequence; next: OrgState } {
  if (grade === 'fail') return { consequence: 'removed', next: 'removed' };
  if (grade === 'basic') return state === 'probation' ? { consequence: 'removed', next: 'removed' } : { consequence: 'probation', next: 'probation' };
  return state === 'probation' ? { consequence: 'restored', next: 'qualified' } : { consequence: 'kept', next: 'qualified' };
}

/** Whether an organisation in `state` may sign a new agreement (or have one renewed). */
export function maySign(state: string): boolean {
  return state === 'qualified';
}
