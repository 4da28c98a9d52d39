/**
 * Template cases for bench:year: real cases filed and driven through the one
 * command path on a simulated clock (working days pass between steps), with
 * the year's mix of detours. The year is then cloned from them (clone.ts), so
 * every row has the shape the engine writes.
 */
import { findUserByUsername } from '../../db/repositories/users';
import { clerkUsername, reviewerUsername } from '../../db/seed/users';
import type { Actor } from '../../server/auth/actor';
import { fileCase } from '../../server/commands/fileCase';
import { transitionCase, type ActionInput } from '../../server/commands/transitionCase';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { usccCheckChar } from '../../workflows/identity';

export type Outcome = 'normal' | 'materials' | 'returned' | 'special' | 'denied' | 'withdrawn';

/** The year's mix (issue 10): materials requests ~10 %, returns ~3 %, special procedures ~2 %, refusals and denials ~3 %, withdrawals ~1 %. */
export const MIX: [Outcome, number][] = [
  ['materials', 0.1],
  ['returned', 0.03],
  ['special', 0.02],
  ['denied', 0.03],
  ['withdrawn', 0.01],
  ['normal', 0.81],
];

export interface Template {
  caseId: number;
  outcome: Outcome;
  linked: boolean;
  /** Stopped part-way: the shape of a case still open at the end of the year. */
  open: boolean;
}

/** A clock the bench moves by hand: each step happens some working hours after the last. */
export class SimClock {
  constructor(public t: number) {}
  now = () => new Date(this.t);
  advance(hours: number) {
    this.t += hours * 3_600_000;
  }
}

const users = new Map<string, Actor | null>();
async function staff(ctx: AppContext, username: string): Promise<Actor | null> {
  if (!users.has(username)) {
    const user = await findUserByUsername(ctx.db.knex, username);
    users.set(username, user ? { kind: 'user', user } : null);
  }
  return users.get(username)!;
}

/** The desk that works the case now. */
export async function deskActor(ctx: AppContext, row: { currentLevel: string; currentJurisdiction: string; currentDepartment: string | null }) {
  const name = row.currentLevel === 'village' || row.currentLevel === 'town' ? clerkUsername(row.currentJurisdiction) : reviewerUsername(row.currentJurisdiction, row.currentDepartment ?? '');
  return staff(ctx, name);
}

/**
 * What happens next to a case in `state` on its way to `outcome`: who acts
 * (its desk or the applicant) and the action; null once the case is closed.
 * `detour` marks the one detour of its outcome (taken at most once).
 */
export function nextStep(row: { state: string; stepIndex: number }, outcome: Outcome, detourDone: boolean, n: number): { by: 'desk' | 'applicant'; action: ActionInput; detour?: boolean } | null {
  switch (row.state) {
    case 'acceptanceReview':
      return outcome === 'materials' && !detourDone ? { by: 'desk', action: { type: 'REQUEST_MATERIALS', missing: ['营业执照复印件'] }, detour: true } : { by: 'desk', action: { type: 'ACCEPT' } };
    case 'awaitingMaterials':
      return { by: 'applicant', action: { type: 'SUPPLY_MATERIALS', materials: ['营业执照复印件'] } };
    case 'review':
      if (outcome === 'withdrawn' && !detourDone) return { by: 'applicant', action: { type: 'WITHDRAW', reason: '不再需要' }, detour: true };
      if (outcome === 'special' && !detourDone) return { by: 'desk', action: { type: 'START_SPECIAL', procedure: 'inspection', reason: '需现场核查' }, detour: true };
      if (outcome === 'returned' && !detourDone && row.stepIndex >= 2) return { by: 'desk', action: { type: 'RETURN', reason: '请补充初审意见' }, detour: true };
      return { by: 'desk', action: { type: 'FORWARD', opinion: '审查同意' } };
    case 'special':
      return { by: 'desk', action: { type: 'END_SPECIAL', opinion: '核查完毕' } };
    case 'decision':
      return { by: 'desk', action: outcome === 'denied' ? { type: 'DENY', ...DENY } : { type: 'APPROVE', opinion: '准予许可' } };
    case 'approved':
      return { by: 'desk', action: { type: 'ISSUE', licenceNo: `JY${n}` } };
    case 'issued':
      return { by: 'desk', action: { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' } };
    default:
      return null;
  }
}

const DENY = { reasons: '经审查，申请材料不符合法定条件', rightsNotice: '如不服本决定，可依法申请行政复议或者提起行政诉讼' };

/**
 * Drives one case from filing to its end (or, for an open template, part-way),
 * following `outcome`. Returns null when no desk is staffed for a step (the
 * template is dropped).
 */
export async function driveTemplate(ctx: AppContext, clock: SimClock, p: { itemCode: string; centreCode: string; outcome: Outcome; stopAfter: number | null; n: number; organisation: boolean }): Promise<number | null> {
  const body = '91330302MA2AB3CD0';
  const filed = await fileCase(ctx, {
    actor: null,
    itemCode: p.itemCode,
    centreCode: p.centreCode,
    applicant: p.organisation
      ? { type: 'organisation', name: '温州模板商贸有限公司', phone: '13900000000', uscc: body + usccCheckChar(body)!, legalRepresentative: '模板法人' }
      : { name: '模板申请人', phone: '13900000000', idNumber: '330302199001011235' },
    materials: ['申请书'],
    delivery: { mode: 'pickup' },
  });
  const caseNo = filed.case.caseNo;
  const applicant: Actor = { kind: 'queryCode', caseNo };
  let detourDone = false;
  for (let step = 0; step < 20; step++) {
    if (p.stopAfter !== null && step >= p.stopAfter) return filed.case.id;
    clock.advance(4 + (p.n % 7) * 5);
    const row = (await ctx.db.knex('cases').where({ case_no: caseNo }).first('state', 'current_level', 'current_jurisdiction', 'current_department', 'step_index'))!;
    const here = { currentLevel: row.current_level, currentJurisdiction: row.current_jurisdiction, currentDepartment: row.current_department };
    const next = nextStep({ state: row.state, stepIndex: Number(row.step_index) }, p.outcome, detourDone, p.n);
    if (!next) return filed.case.id; // final
    if (next.detour) detourDone = true;
    const actor = next.by === 'applicant' ? applicant : await deskActor(ctx, here);
    const { action } = next;
    if (!actor) return null;
    try {
      await transitionCase(ctx, { caseNo, actor, action });
    } catch (err) {
      // A detour this route does not take here (e.g. RETURN at the first review level): go straight on.
      if (!(err instanceof AppError) || action.type === 'FORWARD' || action.type === 'ACCEPT') throw err;
      detourDone = true;
    }
  }
  return filed.case.id;
}
