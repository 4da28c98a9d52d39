import fc from 'fast-check';
import type { Api } from '../helpers/api';

/**
 * A random walk of real cases through their machine over HTTP, so that the
 * fuzzer's database has cases at every stage, closed ones included, and
 * races: at each step the desk where a case waits (or its applicant) sends an
 * action the state may take, sometimes twice at once, sometimes with a stale
 * or current expectedVersion.
 */
const LIKELY: Record<string, string[]> = {
  // Mostly forward, so that cases reach every stage before some are refused, denied or withdrawn.
  acceptanceReview: ['ACCEPT', 'ACCEPT', 'ACCEPT', 'ACCEPT', 'ACCEPT', 'REQUEST_MATERIALS', 'CHOOSE_DELIVERY', 'REFUSE', 'WITHDRAW'],
  awaitingMaterials: ['SUPPLY_MATERIALS', 'SUPPLY_MATERIALS', 'SUPPLY_MATERIALS', 'CHOOSE_DELIVERY', 'REFUSE', 'WITHDRAW'],
  review: ['FORWARD', 'FORWARD', 'FORWARD', 'FORWARD', 'FORWARD', 'RETURN', 'START_SPECIAL', 'CHOOSE_DELIVERY', 'WITHDRAW'],
  special: ['END_SPECIAL', 'END_SPECIAL', 'END_SPECIAL', 'WITHDRAW'],
  decision: ['APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'EXTEND', 'RETURN', 'START_SPECIAL', 'DENY', 'WITHDRAW'],
  approved: ['ISSUE', 'ISSUE', 'ISSUE', 'CHOOSE_DELIVERY'],
  issued: ['DELIVER', 'DELIVER', 'DELIVER', 'CHOOSE_DELIVERY'],
  delivered: ['COMPLETE', 'CHOOSE_DELIVERY'],
  // Closed: anything at all, which must be refused.
  completed: ['CHOOSE_DELIVERY', 'COMPLETE', 'WITHDRAW'],
  refused: ['CHOOSE_DELIVERY', 'ACCEPT', 'WITHDRAW'],
  denied: ['CHOOSE_DELIVERY', 'ISSUE', 'WITHDRAW'],
  withdrawn: ['CHOOSE_DELIVERY', 'ACCEPT', 'SUPPLY_MATERIALS'],
};

const BODY: Record<string, Record<string, unknown>> = {
  ACCEPT: { opinion: '受理' },
  REQUEST_MATERIALS: { missing: ['身份证复印件'] },
  SUPPLY_MATERIALS: { materials: ['身份证复印件'] },
  REFUSE: { reasons: '不符合条件', rightsNotice: '可申请行政复议' },
  FORWARD: { opinion: '同意' },
  RETURN: { reason: '补充意见' },
  START_SPECIAL: { procedure: 'hearing', reason: '听证' },
  END_SPECIAL: {},
  EXTEND: { reason: '情况复杂' },
  APPROVE: { opinion: '准予许可' },
  DENY: { reasons: '不符合法定条件', rightsNotice: '可申请行政复议' },
  ISSUE: { licenceNo: 'FUZZ-0001' },
  DELIVER: { mode: 'post', trackingNo: 'EA123456785CN' },
  COMPLETE: {},
  WITHDRAW: {},
  CHOOSE_DELIVERY: { mode: 'post', address: '温州市鹿城区五马街道 1 号' },
};

const APPLICANT = ['SUPPLY_MATERIALS', 'WITHDRAW', 'COMPLETE', 'CHOOSE_DELIVERY'];
/** Who works each desk of the demo route (安澜社区 → 五马街道 → 鹿城区 market → 温州市 market). */
const DESK: Record<string, string> = { village: 'clerk.village', town: 'clerk.town', county: 'reviewer.county', city: 'reviewer.city' };

// Unbiased: fast-check's bias towards small numbers would walk the first case only.
export const walkStep = fc.record({
  caseIndex: fc.noBias(fc.nat({ max: 1_000 })),
  pick: fc.noBias(fc.nat({ max: 1_000 })),
  version: fc.constantFrom('none', 'none', 'current', 'stale'),
  twice: fc.boolean(),
  /** For the applicant's actions: by the query code rather than the account. */
  byCode: fc.boolean(),
});
export type WalkStep = typeof walkStep extends fc.Arbitrary<infer T> ? T : never;

export interface Walked {
  caseNo: string;
  sent: string;
  answers: { status: number; contentType: string | null; text: string }[];
}

/** Takes one step of the walk; returns what was sent and every answer, for the caller to judge. */
export async function walk(api: Api, cases: { caseNo: string; queryCode: string; byAccount: boolean }[], step: WalkStep): Promise<Walked> {
  const c = cases[step.caseIndex % cases.length]!;
  const now = await api.as('supervisor.city', 'GET', `/api/cases/${c.caseNo}`);
  const types = LIKELY[now.body.state] ?? ['ACCEPT'];
  const type = types[step.pick % types.length]!;
  const expectedVersion = step.version === 'current' ? now.body.version : step.version === 'stale' ? Math.max(1, now.body.version - 1) : undefined;
  const body = JSON.stringify({ type, ...BODY[type], ...(expectedVersion ? { expectedVersion } : {}) });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let who: string;
  if (APPLICANT.includes(type) && (step.byCode || !c.byAccount)) {
    headers['x-query-code'] = c.queryCode;
    who = 'query code';
  } else {
    who = APPLICANT.includes(type) ? 'applicant' : (DESK[now.body.step.level] ?? 'clerk.village');
    headers.authorization = `Bearer ${await api.token(who)}`;
  }
  const once = async () => {
    const res = await fetch(`${api.baseUrl}/api/cases/${c.caseNo}/actions`, { method: 'POST', headers, body });
    return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
  };
  const answers = step.twice ? await Promise.all([once(), once()]) : [await once()];
  return { caseNo: c.caseNo, sent: `${who}: ${body} on ${c.caseNo} (${now.body.state} v${now.body.version})${step.twice ? ' twice at once' : ''}`, answers };
}
