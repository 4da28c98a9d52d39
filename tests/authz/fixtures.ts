import { type Api, buildCase, DEMO } from '../helpers/api';
import type { Stage } from './matrix';

export interface CaseHandle {
  caseNo: string;
  queryCode: string;
}

/** How each stage is reached: from the stage before it, by one desk's action. */
const PATH: Record<Exclude<Stage, 'acceptance'>, { from: Stage; by: string; action: Record<string, unknown> }> = {
  awaitingMaterials: { from: 'acceptance', by: 'clerk.village', action: { type: 'REQUEST_MATERIALS', missing: ['身份证复印件'] } },
  townReview: { from: 'acceptance', by: 'clerk.village', action: { type: 'ACCEPT' } },
  countyReview: { from: 'townReview', by: 'clerk.town', action: { type: 'FORWARD', opinion: '初审同意' } },
  countySpecial: { from: 'countyReview', by: 'reviewer.county', action: { type: 'START_SPECIAL', procedure: 'inspection', reason: '现场核查' } },
  cityDecision: { from: 'countyReview', by: 'reviewer.county', action: { type: 'FORWARD', opinion: '审查同意' } },
  approved: { from: 'cityDecision', by: 'reviewer.city', action: { type: 'APPROVE', opinion: '准予许可' } },
  issued: { from: 'approved', by: 'reviewer.city', action: { type: 'ISSUE', licenceNo: 'YP-AUTHZ-FIXTURE' } },
  delivered: { from: 'issued', by: 'clerk.village', action: { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456785CN' } },
  countyUrged: { from: 'countyReview', by: 'supervisor.city', action: { type: 'URGE', reason: '请加快办理', replyBy: '2099-12-31' } },
};

function stepsTo(stage: Stage): { by: string; action: Record<string, unknown> }[] {
  if (stage === 'acceptance') return [];
  const p = PATH[stage];
  return [...stepsTo(p.from), { by: p.by, action: p.action }];
}

/** A case of the demo city-level item, filed at 安澜社区 by the `applicant` account and driven to `stage`. */
export async function caseAt(api: Api, stage: Stage): Promise<CaseHandle> {
  const filed = await api.file(buildCase(), 'applicant');
  for (const { by, action } of stepsTo(stage)) {
    const res = await api.act(by, filed.caseNo, action);
    if (res.status !== 200) throw new Error(`driving a case to ${stage}: ${by} ${action.type} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { caseNo: filed.caseNo, queryCode: filed.queryCode };
}

/** A withdrawn case: closed at the village's acceptance. */
export async function closedCase(api: Api): Promise<CaseHandle> {
  const c = await caseAt(api, 'acceptance');
  const res = await api.act('applicant', c.caseNo, { type: 'WITHDRAW' });
  if (res.status !== 200) throw new Error(`withdrawing: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

/** A case in 瑞安市 (安阳街道), outside every 鹿城区 desk, filed at the counter there. */
export async function otherCase(api: Api): Promise<CaseHandle> {
  const filed = await api.file(buildCase({ centreCode: DEMO.otherTownCode }), 'clerk.othertown');
  return { caseNo: filed.caseNo, queryCode: filed.queryCode };
}

/** Runs `fn` over `items` with at most `width` at a time (SQLite has one writer; a few in flight is plenty). */
export async function inBatches<T, R>(items: readonly T[], width: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/** Area codes and centres the probes point at. */
export const AREAS = {
  /** 瑞安市, a county-level city outside 鹿城区. */
  otherCounty: '330381000000',
  ownCentre: DEMO.villageCode,
  otherCentre: DEMO.otherTownCode,
  /** A well-formed case number that no case has. */
  missingCaseNo: '19990101-999999',
} as const;
