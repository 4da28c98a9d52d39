import type { Api, ApiResponse } from './api';
import { fakeUscc } from './api';

/*
 * Investment projects for tests, made through the real API: a registration
 * body, stage materials uploaded as multipart, and the steps that take a
 * stage's case to its end by the desks that work it.
 */
export const INVESTOR = 'investor';

export function projectBody(overrides: Record<string, unknown> = {}) {
  return {
    owner: { name: '温州瓯越置业有限公司', uscc: fakeUscc(), legalRep: '陈瓯越', phone: '13957700001' },
    name: '瓯越科技产业园一期',
    location: '鹿城区五马街道解放街1号',
    jurisdictionCode: '330302006000',
    type: 'filing',
    industry: '70',
    investment: 52000,
    landStatus: 'transferred',
    ...overrides,
  };
}

export async function registerProjectVia(api: Api, overrides: Record<string, unknown> = {}, who = INVESTOR): Promise<any> {
  const res = await api.as(who, 'POST', '/api/projects', projectBody(overrides));
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function uploadStageFile(api: Api, who: string, code: string, stage: number, part: { material: string; bytes: Buffer; name: string }): Promise<ApiResponse> {
  const form = new FormData();
  form.append('material', part.material);
  form.append('file', new Blob([new Uint8Array(part.bytes)], { type: 'application/pdf' }), part.name);
  const res = await fetch(`${api.baseUrl}/api/projects/${code}/stages/${stage}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await api.token(who)}` } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The desks of a county- or city-level item (accept, decide, issue, deliver all at one level). */
export function desksOf(centreCode: string, department: string) {
  const clerk = centreCode === '330300000000' ? 'clerk.city' : centreCode === '330302000000' ? 'clerk.county' : null;
  return { clerk, reviewer: `reviewer-${centreCode}-${department}` };
}

/** Takes a filed case at a county or city centre to `completed`: accepted, approved, issued, delivered. */
export async function approveToEnd(api: Api, caseNo: string, centreCode: string, department: string): Promise<void> {
  const { clerk, reviewer } = desksOf(centreCode, department);
  for (const [by, action] of [
    [clerk!, { type: 'ACCEPT' }],
    [reviewer, { type: 'APPROVE', opinion: '符合法定条件，准予许可' }],
    [reviewer, { type: 'ISSUE' }],
    [clerk!, { type: 'DELIVER', mode: 'pickup', signedBy: '陈瓯越' }],
  ] as const) {
    const res = await api.act(by, caseNo, action);
    if (res.status !== 200) throw new Error(`${action.type} on ${caseNo} by ${by}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * An agent acting for a project's owner (代办) without going through the proxy order's commands: a proxy_agents row for the demo
 * `agent` account (made once) and a proxy order in service for the project, inserted directly (030's columns).
 */
export async function actAsAgentFor(db: import('knex').Knex, projectCode: string, username = 'agent'): Promise<{ orderNo: string }> {
  const p = await db('projects').where({ code: projectCode }).first();
  const user = await db('users').where({ username }).first('id', 'display_name', 'jurisdiction_code');
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  let agent = await db('proxy_agents').where({ user_id: user.id }).first('id');
  if (!agent) {
    const [id] = await db('proxy_agents').insert({ user_id: user.id, name: user.display_name, post: '鹿城区行政服务中心代办员', phone: '057788000001', jurisdiction_code: user.jurisdiction_code, jurisdiction_path: '330000000000/330300000000/330302000000', skills: '[1,2,3,4]', active: true, created_at: now });
    agent = { id };
  }
  const orderNo = `PX${String(p.id).padStart(6, '0')}${String(Date.now() % 100000).padStart(5, '0')}`.slice(0, 24);
  await db('proxy_orders').insert({
    order_no: orderNo,
    project_id: p.id,
    scope: 'full',
    stage: null,
    owner_user_id: p.owner_user_id,
    owner_name: p.owner_name,
    owner_phone: p.owner_phone,
    jurisdiction_code: p.jurisdiction_code,
    jurisdiction_path: p.jurisdiction_path,
    request: '全程代办',
    entrustment: '{}',
    state: 'in_service',
    machine_context: '{}',
    row_version: 1,
    last_seq: 1,
    agent_id: Number(agent.id),
    accepted_at: now,
    created_at: now,
    updated_at: now,
  });
  return { orderNo };
}
