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
async function deskActor(ctx: AppContext, row: { currentLevel: string; currentJurisdiction: string; currentDepartment: string | null }) {
  const name = row.currentLevel === 'village' || row.currentLevel === 'town' ? clerkUsername(row.currentJurisdiction) : reviewerUsername(row.currentJurisdiction, row.currentDepartment ?? '');
  return staff(ctx, name);
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
    let actor = await deskActor(ctx, here);
    let action: ActionInput;
    switch (row.state) {
      case 'acceptanceReview':
        action = p.outcome === 'materials' && !detourDone ? { type: 'REQUEST_MATERIALS', missing: ['营业执照复印件'] } : { type: 'ACCEPT' };
        if (p.outcome === 'materials') detourDone = true;
        break;
      case 'awaitingMaterials':
        actor = applicant;
        action = { type: 'SUPPLY_MATERIALS', materials: ['营业执照复印件'] };
        break;
      case 'review':
        if (p.outcome === 'withdrawn' && !detourDone) {
          detourDone = true;
          actor = applicant;
          action = { type: 'WITHDRAW', reason: '不再需要' };
        } else if (p.outcome === 'special' && !detourDone) {
          detourDone = true;
          action = { type: 'START_SPECIAL', procedure: 'inspection', reason: '需现场核查' };
        } else if (p.outcome === 'returned' && !detourDone && Number(row.step_index) >= 2) {
          detourDone = true;
          action = { type: 'RETURN', reason: '请补充初审意见' };
        } else action = { type: 'FORWARD', opinion: '审查同意' };
        break;
      case 'special':
        action = { type: 'END_SPECIAL', opinion: '核查完毕' };
        break;
      case 'decision':
        action = p.outcome === 'denied' ? { type: 'DENY', ...DENY } : { type: 'APPROVE', opinion: '准予许可' };
        break;
      case 'approved':
        action = { type: 'ISSUE', licenceNo: `JY${p.n}` };
        break;
      case 'issued':
        action = { type: 'DELIVER', mode: 'pickup' };
        break;
      default:
        return filed.case.id; // final
    }
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
