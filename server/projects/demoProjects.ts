import type { Knex } from 'knex';
import { dbTime } from '../../db/connection';
import { findCaseByNo } from '../../db/repositories/cases';
import { findUserById, insertUsers } from '../../db/repositories/users';
import { clerkUsername, DEMO_PASSWORD } from '../../db/seed/users';
import type { ProjectType } from '../../workflows/projectCode';
import type { StageNo } from '../../workflows/projectStages';
import { hashPassword } from '../auth/passwords';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { transitionCase } from '../commands/transitionCase';
import { PilotDesks } from '../pilot/pilotDesks';
import { SimulatedClock, seededRandom } from '../pilot/simulatedClock';
import { registerProject } from './registerProject';
import { startStage } from './startStage';

const DAY = 86_400_000;
const PER_COUNTY = 3;
const NAMES = ['产业园', '商业综合体', '人才公寓', '智能制造基地', '冷链物流中心', '科创中心', '滨江酒店', '学校扩建', '医院门诊楼', '供热站', '物流园', '软件园'];
const INDUSTRIES: Record<ProjectType, string[]> = { approval: ['83', '84', '48'], permit: ['44', '54'], filing: ['70', '34', '38', '65', '13', '47'] };

/** The county centres' clerks the demo staffing lacks (it staffs town and village centres, and 鹿城区's `clerk.county`). */
async function ensureCountyClerks(db: Knex, counties: { code: string; name: string }[], at: string): Promise<void> {
  const missing = [];
  for (const c of counties) {
    if (await db('users').where({ role: 'clerk', jurisdiction_code: c.code, active: true }).first('id')) continue;
    missing.push({ username: clerkUsername(c.code), passwordHash: await hashPassword(DEMO_PASSWORD), displayName: `${c.name}行政服务中心窗口人员`, role: 'clerk' as const, jurisdictionCode: c.code, level: 'county' as const, department: null, createdAt: at });
  }
  if (missing.length) await insertUsers(db, missing);
}

/** Moves one case a step at the desk it waits at: accept, approve (or deny), issue, deliver. */
async function stepCase(ctx: AppContext, desks: PilotDesks, caseNo: string, deny: boolean): Promise<boolean> {
  const row = (await findCaseByNo(ctx.db.knex, caseNo))!;
  const actor = await desks.actorFor(row);
  const action =
    row.state === 'acceptanceReview'
      ? { type: 'ACCEPT' as const, opinion: '材料齐全，予以受理' }
      : row.state === 'review' || row.state === 'decision'
        ? deny
          ? { type: 'DENY' as const, reasons: '项目选址与国土空间规划不符', rightsNotice: '可于60日内申请行政复议或6个月内提起行政诉讼' }
          : { type: 'APPROVE' as const, opinion: '符合法定条件，准予许可' }
        : row.state === 'approved'
          ? { type: 'ISSUE' as const, licenceNo: '' }
          : row.state === 'issued'
            ? { type: 'DELIVER' as const, mode: 'pickup' as const, signedBy: '项目单位经办人' }
            : null;
  if (!action) return false;
  await transitionCase(ctx, { caseNo, actor, action });
  return true;
}

export interface DemoProjectsReport {
  projects: number;
  counties: number;
  held: number;
  seconds: number;
}

/**
 * Demo projects across Wenzhou's counties with their stages in flight, made
 * THROUGH THE COMMANDS (registration, stage starts, every case step by the
 * desk it waits at) on a simulated clock that runs from each project's
 * registration, up to 98 days ago, towards now: some near their 100 days,
 * one held by a denial. Only a database without projects gets them.
 */
export async function seedDemoProjects(base: AppContext, opts: { perCounty?: number } = {}): Promise<DemoProjectsReport | null> {
  const started = Date.now();
  const db = base.db.knex;
  if (await db('projects').first('id')) return null;
  const investor = await db('users').where({ username: 'investor' }).first('id');
  if (!investor) return null;
  const owner: Actor = { kind: 'user', user: (await findUserById(db, Number(investor.id)))! };
  const counties = (await db('jurisdictions').where({ level: 'county' }).where('code', 'like', '3303%').orderBy('code').select('code', 'name')) as { code: string; name: string }[];
  const end = base.now().getTime();
  const clock = new SimulatedClock(end);
  const ctx: AppContext = { ...base, now: clock.now };
  await ensureCountyClerks(db, counties, dbTime(new Date(end)));
  const desks = new PilotDesks(db);
  const random = seededRandom(13);
  const per = opts.perCounty ?? PER_COUNTY;
  let n = 0;
  let held = 0;
  for (const county of counties) {
    const town = (await db('jurisdictions').where({ parent_code: county.code }).orderBy('code').first('code'))?.code ?? county.code;
    for (let k = 0; k < per; k++, n++) {
      const type: ProjectType = (['filing', 'permit', 'approval'] as const)[n % 3]!;
      const age = n % 7 === 0 ? 92 + (n % 6) : 8 + Math.floor(random() * 80);
      const done = Math.min(2, Math.floor((age / 100) * 3)); // stages completed before the one in flight
      const deny = n === 7;
      const steps = done * 4 + 3;
      const span = (age * DAY * 0.9) / (steps + 2);
      clock.t = end - age * DAY;
      const industry = INDUSTRIES[type][n % INDUSTRIES[type].length]!;
      const name = `${county.name}${NAMES[(n + k) % NAMES.length]}${k ? `（${k + 1}期）` : ''}`;
      const reg = await registerProject(ctx, { actor: owner, owner: { name: '温州瓯越置业有限公司', uscc: '91330302MA2H7GKX1J', legalRep: '陈瓯越', phone: '13957700001' }, name, location: `${county.name}${name}建设地块`, jurisdictionCode: town, type, industry, investment: 5000 + Math.floor(random() * 200_000), landStatus: type === 'approval' ? 'allocated' : 'transferred' });
      for (let stage = 1; stage <= done + 1; stage++) {
        clock.t += span;
        const { filed } = await startStage(ctx, owner, reg.row.code, stage as StageNo, { description: `${name}第${stage}阶段并联审批`, delivery: 'pickup' });
        const last = stage === done + 1;
        // A completed stage: every case to its end; the stage in flight: the cases part of the way, one denied if this is the held one.
        for (let round = 0; round < (last ? 2 : 4); round++) {
          clock.t += span / (last ? 2 : 1);
          for (const [i, f] of filed.entries()) if (!last || i <= round) await stepCase(ctx, desks, f.case.caseNo, false);
        }
        if (last && deny) {
          clock.t += span / 2;
          for (const f of filed) if ((await findCaseByNo(db, f.case.caseNo))!.state === 'review' || (await findCaseByNo(db, f.case.caseNo))!.state === 'decision') {
            await stepCase(ctx, desks, f.case.caseNo, true);
            held++;
            break;
          }
        }
      }
    }
  }
  return { projects: n, counties: counties.length, held, seconds: Math.round((Date.now() - started) / 100) / 10 };
}
