import { findUserByUsername } from '../../db/repositories/users';
import { DEMO, DEMO_APPLICANT_PROFILE } from '../../db/seed/users';
import type { Actor } from '../auth/actor';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { fileCase } from '../commands/fileCase';
import { transitionCase, type ActionInput } from '../commands/transitionCase';
import type { AppContext } from '../context';
import { rateCase, type RatingInput } from './rateCase';
import { rectificationTransitions, type RectificationAction } from './rectificationAggregate';

type Step = [username: string, action: ActionInput];

/** The demo city item's route from 安澜社区 to its close (the same desks as the README's walk-through). */
const TO_CLOSE: Step[] = [
  ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全，予以受理' }],
  ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
  ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
  ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
  ['reviewer.city', { type: 'ISSUE', licenceNo: '' }],
  // Signed for at the counter: the case completes with the delivery.
  ['clerk.village', { type: 'DELIVER', mode: 'pickup', signedBy: '张伟' }],
];

const marks = (stage: RatingInput['stage'], overall: number, comment?: string, anonymous = false): RatingInput => ({
  stage,
  overall,
  efficiency: overall,
  guideAccuracy: Math.min(5, overall + 1),
  convenience: overall,
  usability: Math.min(5, overall + 1),
  comment,
  anonymous,
});

/** Each demo case: how far it goes, its ratings, and how far each bad rating's rectification has gone (desk and supervisor acts). */
interface DemoCase {
  steps: number;
  ratings: RatingInput[];
  rectification?: [username: string, action: RectificationAction][];
}

const CASES: DemoCase[] = [
  { steps: 6, ratings: [marks('accept', 5), marks('final', 5, '全程网办，一次都没跑')] },
  { steps: 6, ratings: [marks('final', 2, '审批用时比预想的长')] },
  {
    steps: 6,
    ratings: [marks('final', 1, '补正材料要求前后不一致')],
    rectification: [
      ['reviewer.city', { type: 'VERIFY', reason: '经核实，县市两级对材料要求表述不一致' }],
      ['reviewer.city', { type: 'CALL_BACK', reason: '电话回访，向申请人致歉并说明整改措施', reached: true }],
      ['reviewer.city', { type: 'FIX', reason: '已统一办事指南的材料表述，并对经办人员开展培训' }],
    ],
  },
  {
    steps: 1,
    ratings: [marks('accept', 1, '窗口排队太久')],
    rectification: [
      ['clerk.village', { type: 'VERIFY', reason: '经核实，当日仅开一个窗口' }],
      ['clerk.village', { type: 'CALL_BACK', reason: '已电话回访，申请人反映属实', reached: true }],
    ],
  },
  {
    steps: 6,
    ratings: [marks('final', 1, '要求当天发证', true)],
    rectification: [
      ['reviewer.city', { type: 'VERIFY', reason: '经核实，已在承诺时限内办结' }],
      ['reviewer.city', { type: 'EXPLAIN', reason: '当天发证的要求无法律依据，已在办事指南中说明办理时限' }],
      ['applicant', { type: 'APPLICANT_RATE', reason: '理解了', score: 4 }],
    ],
  },
  {
    steps: 6,
    ratings: [marks('final', 1, '与本办件无关的内容')],
    rectification: [
      ['reviewer.city', { type: 'VERIFY', reason: '经核实，评价内容与办件无关' }],
      ['reviewer.city', { type: 'CALL_BACK', reason: '两次致电未接通', reached: false }],
      ['reviewer.city', { type: 'APPEAL', reason: '评价内容与办理事项无关，疑似恶意差评，申请复核' }],
    ],
  },
];

/**
 * Demo ratings for `npm start` and `npm run seed`: six cases of the demo
 * applicant 张伟 filed at 安澜社区, moved by the demo desks, rated, and their
 * rectifications taken to several stages (open, being rectified, fixed,
 * explained and rated, under appeal), all THROUGH THE COMMANDS. Only a
 * database without ratings gets them.
 */
export async function seedDemoRatings(ctx: AppContext): Promise<{ cases: number; ratings: number } | null> {
  const db = ctx.db.knex;
  if (await db('case_ratings').first('id')) return null;
  const actors = new Map<string, Actor>();
  for (const name of ['applicant', 'clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city']) {
    const user = await findUserByUsername(db, name);
    if (!user) return null;
    actors.set(name, { kind: 'user', user });
  }
  let ratings = 0;
  for (const c of CASES) {
    const filed = await fileCase(ctx, {
      actor: actors.get('applicant')!,
      itemCode: DEMO.cityItemCode,
      centreCode: DEMO.villageCode,
      applicant: { name: '张伟', idNumber: DEMO_APPLICANT_PROFILE.idNumber, phone: DEMO_APPLICANT_PROFILE.phone },
      materials: ['申请书', '营业执照'],
      delivery: { mode: 'pickup' },
    });
    const caseNo = filed.case.caseNo;
    for (const [who, action] of TO_CLOSE.slice(0, c.steps)) await transitionCase(ctx, { caseNo, actor: actors.get(who)!, action });
    for (const rating of c.ratings) {
      const result = await rateCase(ctx, { actor: actors.get('applicant')!, caseNo, rating });
      ratings++;
      if (!result.rectification) continue;
      for (const [who, action] of c.rectification ?? []) await applyCommand(ctx, rectificationTransitions, { key: String(result.rectification.row.id), actor: actors.get(who)!, action });
    }
  }
  return { cases: CASES.length, ratings };
}
