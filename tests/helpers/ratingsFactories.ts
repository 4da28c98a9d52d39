import { type Api, buildCase } from './api';

export interface RatedCase {
  caseNo: string;
  queryCode: string;
}

/** The demo city item's whole route from 安澜社区: village accepts, town and 鹿城区 forward, 温州市 market decides and issues, the village delivers. */
const THROUGH_DECISION: [string, Record<string, unknown>][] = [
  ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全，予以受理' }],
  ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
  ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
  ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
  ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP-RATING-0001' }],
  ['clerk.village', { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456785CN' }],
];

async function drive(api: Api, caseNo: string, steps: [string, Record<string, unknown>][]): Promise<void> {
  for (const [by, action] of steps) {
    const res = await api.act(by, caseNo, action);
    if (res.status !== 200) throw new Error(`${by} ${action.type} → ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A case of the `applicant` account at 安澜社区, filed and not yet accepted. */
export async function filedCase(api: Api, overrides: Record<string, unknown> = {}): Promise<RatedCase> {
  const filed = await api.file(buildCase(overrides), 'applicant');
  return { caseNo: filed.caseNo, queryCode: filed.queryCode };
}

/** Accepted at the village (now at the town's review). */
export async function acceptedCase(api: Api, overrides: Record<string, unknown> = {}): Promise<RatedCase> {
  const c = await filedCase(api, overrides);
  await drive(api, c.caseNo, THROUGH_DECISION.slice(0, 1));
  return c;
}

/** Decided by 温州市 market, delivered, and completed by the applicant: closed. */
export async function closedCase(api: Api, overrides: Record<string, unknown> = {}): Promise<RatedCase> {
  const c = await filedCase(api, overrides);
  await drive(api, c.caseNo, [...THROUGH_DECISION, ['applicant', { type: 'COMPLETE' }]]);
  return c;
}

/** A rating body: every indicator at `overall` unless given. */
export function ratingBody(stage: 'accept' | 'final', overall: number, extra: Record<string, unknown> = {}) {
  return { stage, overall, efficiency: overall, guideAccuracy: overall, convenience: overall, usability: overall, ...extra };
}
