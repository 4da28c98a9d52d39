import type { Knex } from 'knex';
import { Api } from './api';

/** The demo linked route, village → town → county → city → back to the village, then the applicant. */
export const ROUTE: [string, Record<string, unknown>][] = [
  ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全，予以受理' }],
  ['clerk.town', { type: 'FORWARD', opinion: '初审同意，报区局' }],
  ['reviewer.county', { type: 'FORWARD', opinion: '现场核查合格，报市局' }],
  ['reviewer.city', { type: 'APPROVE', opinion: '符合条件，准予许可' }],
  ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP33030020260001' }],
  ['clerk.village', { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456785CN' }],
  ['applicant', { type: 'COMPLETE' }],
];
/** SUBMIT is seq 1; each step of the route adds one. */
export const FINAL_SEQ = ROUTE.length + 1;
export const ROUTE_TYPES = ['SUBMIT', ...ROUTE.map(([, a]) => String(a.type))];
/** Filed for delivery by post, as the route's DELIVER needs. */
export const POSTAL = { delivery: { mode: 'post', address: '温州市鹿城区五马街100号' } };

export interface Filed {
  caseNo: string;
  queryCode: string;
}

/** Sends route step `seq` (the action that makes event `seq`, 2..FINAL_SEQ) of a case through `api`, version-checked. */
export function sendStep(api: Api, c: Filed, seq: number, expectedVersion: number) {
  const [user, action] = ROUTE[seq - 2]!;
  const body = { ...action, expectedVersion };
  return user === 'applicant'
    ? api.request('POST', `/api/cases/${c.caseNo}/actions`, { body, headers: { 'x-query-code': c.queryCode } })
    : api.act(user, c.caseNo, body);
}

/** Where a case is, as its applicant reads it over HTTP. */
export async function caseNow(api: Api, c: Filed): Promise<{ status: number; lastSeq: number; version: number; state: string }> {
  const res = await api.request('GET', `/api/cases/${c.caseNo}`, { headers: { 'x-query-code': c.queryCode } });
  return { status: res.status, lastSeq: res.body?.lastSeq, version: res.body?.version, state: res.body?.state };
}

export interface StoredCase {
  version: number;
  lastSeq: number;
  state: string;
  /** Every event row: its seq, type, and the case version and state its live payload announced. */
  events: { seq: number; type: string; version: number; state: string }[];
}

/** A case and its event rows as one database node has them. */
export async function storedCase(knex: Knex, caseNo: string): Promise<StoredCase> {
  const c = await knex('cases').where({ case_no: caseNo }).first('id', 'version', 'last_seq', 'state');
  if (!c) throw new Error(`no case ${caseNo}`);
  const rows: { seq: number; type: string; live_payload: string }[] = await knex('case_events').where({ case_id: c.id }).orderBy('seq').select('seq', 'type', 'live_payload');
  return {
    version: Number(c.version),
    lastSeq: Number(c.last_seq),
    state: c.state,
    events: rows.map((r) => {
      const live = JSON.parse(r.live_payload) as { version: number; state: string };
      return { seq: Number(r.seq), type: r.type, version: Number(live.version), state: live.state };
    }),
  };
}
