import { consequenceOf, gradeOf, type Consequence, type OrgState, type TransferGrade } from '../../../workflows/transferEvaluation';
import { usccCheckChar } from '../../../workflows/identity';
import { type FunctionCategory, type OrgKind, type ServiceCategory } from '../../../workflows/transferKinds';
import { buildTransferUnits, type TransferUnitSeed } from './units';

/*
 * The function-transfer list as data (issue 14): 252 functions of 50 units,
 * 216 of them (41 units) in an issued implementation plan, 141 agreements
 * signed by 22 units, 110 receiving organisations (Wenzhou's 2014 count),
 * their 2015 and 2016 evaluations with the consequences the rule gives.
 * Deterministic: every figure the API answers is counted from these rows.
 */

export interface FunctionSeed { code: string; unit: number; name: string; category: FunctionCategory; mode: 'direct' | 'commission'; org: number; transferredOn: string; planIssued: boolean; agreement: boolean }
export interface OrgSeed { name: string; uscc: string; kind: OrgKind; registeredOn: string; creditRating: string | null }
export interface AgreementSeed { agreementNo: string; unit: number; org: number; fn: number; signedOn: string; termFrom: string; termTo: string; amountYuan: number; deliverables: string[] }
export interface EvaluationSeed { org: number; year: number; score: number; grade: TransferGrade; consequence: Consequence; stateAfter: OrgState; notes: string }

const TEMPLATES: [FunctionCategory, (d: string) => string][] = [
  ['survey', (d) => `${d}行业统计调查与运行分析`],
  ['industry', (d) => `${d}行业自律规范制定与行业信息发布`],
  ['assessment', (d) => `${d}评比表彰初审`],
  ['training', (d) => `${d}从业人员业务培训`],
  ['technical', (d) => `${d}技术咨询与标准宣贯`],
  ['training', (d) => `${d}职业技能竞赛与展会论坛承办`],
  ['social', (d) => `${d}公益服务项目实施`],
];
/** Functions the seed report names (温州市编办, 2016): pilot functions and the two examples. */
const NAMED: Record<string, string> = { '0:0': '经济运行分析预测', '1:0': '反国际贸易壁垒（外贸壁垒预警应对）', '3:5': '物流技能大赛和高校智库论坛承办' };
const ASSOCIATION_NAMES: Record<number, string> = { 1: '温州市鞋革行业协会', 3: '温州市供应链学会' };
const DELIVERABLES: Record<FunctionCategory, string[]> = {
  survey: ['季度行业运行分析报告', '年度行业统计数据汇编'],
  industry: ['行业自律公约及执行情况报告', '行业信息月报'],
  assessment: ['初审意见及评审专家名单', '评比结果公示材料'],
  training: ['培训（竞赛）实施方案', '参训人员名册及考核结果'],
  technical: ['技术咨询报告', '标准宣贯培训记录'],
  social: ['服务项目实施报告', '服务对象满意度调查结果'],
};
const SERVICE_OF: Record<FunctionCategory, ServiceCategory> = { survey: 'auxiliary', industry: 'industry', assessment: 'technical', training: 'industry', technical: 'technical', social: 'basic_public' };
/** The directory class of a function transferred by commission (social services alternate between the two social classes). */
export const serviceCategoryOf = (f: Pick<FunctionSeed, 'category'>, n: number): ServiceCategory => (f.category === 'social' && n % 2 ? 'social_management' : SERVICE_OF[f.category]);

/** A small deterministic mix, so the seed is the same on every machine. */
function mix(n: number): number {
  let x = (n + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** How many functions unit `u` transferred: the 22 agreement units 7, then 4, then 3 (154 + 56 + 42 = 252). */
export const functionsOfUnit = (u: number) => (u < 22 ? 7 : u < 36 ? 4 : 3);
/** 41 units issued a plan for all their functions but the last one of the first nine: 225 − 9 = 216. */
const planIssued = (u: number, i: number) => u < 41 && !(u < 9 && i === functionsOfUnit(u) - 1);
/** The 22 agreement units signed one for each function but the seventh of units 10–22: 154 − 13 = 141. */
const hasAgreement = (u: number, i: number) => u < 22 && !(u >= 9 && i === 6);
/** The pilot (2013-11): 8 functions of 6 units; by 2014-10, 167 functions of 34 units. */
function transferredOn(u: number, i: number, n: number): string {
  if ((u < 6 && i === 0) || (u < 2 && i === 1)) return '2013-11-20';
  if (u < 34 && (i < 4 || (u < 22 && i === 4) || (u < 9 && i === 5))) return `2014-${pad(1 + (mix(n) % 9))}-${pad(1 + (mix(n + 7) % 28))}`;
  return `${mix(n) % 2 ? 2015 : 2016}-${pad(1 + (mix(n + 3) % 12))}-${pad(1 + (mix(n + 11) % 28))}`;
}

function uscc(kind: OrgKind, n: number): string {
  const head = { social_group: '51', social_service: '52', foundation: '53' }[kind];
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const tail = Array.from({ length: 9 }, (_, i) => CHARS[mix(n * 31 + i) % 31]).join('');
  const body = `${head}330300${tail}`;
  return body + usccCheckChar(body)!;
}
const RATINGS = ['5A', '4A', '4A', '3A', '3A', '3A', '2A', null] as const;

export interface TransferSeed { units: TransferUnitSeed[]; orgs: OrgSeed[]; functions: FunctionSeed[]; agreements: AgreementSeed[]; evaluations: EvaluationSeed[] }

export function buildTransferSeed(): TransferSeed {
  const units = buildTransferUnits();
  const orgs: OrgSeed[] = [];
  const orgOf: number[][] = [];
  const addOrg = (name: string, kind: OrgKind) => {
    const n = orgs.length;
    orgs.push({ name, uscc: uscc(kind, n), kind, registeredOn: `${2000 + (mix(n + 5) % 13)}-${pad(1 + (mix(n) % 12))}-${pad(1 + (mix(n + 1) % 28))}`, creditRating: RATINGS[mix(n + 2) % RATINGS.length]! });
    return n;
  };
  units.forEach((unit, u) => {
    const assoc = addOrg(ASSOCIATION_NAMES[u] ?? `温州市${unit.domain}${u % 2 ? '学会' : '协会'}`, 'social_group');
    const centre = addOrg(`温州市${unit.domain}服务中心`, 'social_service');
    orgOf.push(u < 10 ? [assoc, centre, addOrg(`温州市${unit.domain}发展基金会`, 'foundation')] : [assoc, centre]);
  });
  const functions: FunctionSeed[] = [];
  const agreements: AgreementSeed[] = [];
  units.forEach((_unit, u) => {
    for (let i = 0; i < functionsOfUnit(u); i++) {
      const n = functions.length;
      const [category, name] = TEMPLATES[i % TEMPLATES.length]!;
      const agreement = hasAgreement(u, i);
      const mine = orgOf[u]!;
      const org = mine.length === 3 && category === 'social' ? mine[2]! : mine[i % 2]!;
      const on = transferredOn(u, i, n);
      functions.push({ code: `ZNZY-${pad(u + 1, 3)}-${pad(i + 1)}`, unit: u, name: NAMED[`${u}:${i}`] ?? name(units[u]!.domain), category, mode: agreement || n % 3 === 0 ? 'commission' : 'direct', org, transferredOn: on, planIssued: planIssued(u, i), agreement });
      if (!agreement) continue;
      const signedOn = addDays(on, 15 + (mix(n + 13) % 60));
      const years = 1 + (mix(n + 17) % 3);
      agreements.push({
        agreementNo: `WZZY-${signedOn.slice(0, 4)}-${pad(agreements.length + 1, 3)}`,
        unit: u, org, fn: n, signedOn, termFrom: signedOn, termTo: addDays(addDays(signedOn, 365 * years), -1),
        amountYuan: (30 + (mix(n + 19) % 571)) * 1000, deliverables: DELIVERABLES[category],
      });
    }
  });
  return { units, orgs, functions, agreements, evaluations: evaluate(orgs.length) };
}

/** Scores that put a few organisations on probation, restore one and remove two, as the rule decides. */
const FORCED: Record<string, number> = { '5:2015': 68, '5:2016': 64, '17:2015': 62, '17:2016': 81, '40:2015': 71, '63:2016': 52, '88:2016': 66 };

function evaluate(count: number): EvaluationSeed[] {
  const out: EvaluationSeed[] = [];
  for (let org = 0; org < count; org++) {
    let state: OrgState = 'qualified';
    for (const year of [2015, 2016]) {
      if (state === 'removed') break;
      const score = FORCED[`${org}:${year}`] ?? 76 + (mix(org * 13 + year) % 23);
      const grade = gradeOf(score);
      const { consequence, next } = consequenceOf(state, grade);
      state = next;
      out.push({ org, year, score, grade, consequence, stateAfter: next, notes: `${year}年度职能转移承接工作考评` });
    }
  }
  return out;
}
