import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { dbTime } from '../../db/connection';
import { DEMO, DEMO_PASSWORD } from '../../db/seed/users';
import { hashPassword } from '../../server/auth/passwords';
import { fakeUscc } from './api';

/*
 * Market rows for tests, inserted directly (only the 025 schema's columns), so
 * the ratings' tests need neither the agency nor the order machine.
 */
let n = 0;
const tag = randomBytes(3).toString('hex');
const now = () => dbTime(new Date());

/** A service item kept by `department` (inserted once per code). */
export async function buildServiceItem(db: Knex, overrides: { code?: string; department?: string } = {}): Promise<string> {
  const code = overrides.code ?? `T${tag}${++n}`.slice(0, 16);
  if (!(await db('market_service_items').where({ code }).first())) {
    await db('market_service_items').insert({ code, name: `测试中介服务${code}`, category: '测绘', department: overrides.department ?? DEMO.department, government_paid: false, description: '测试', required_qualification: '测绘资质' });
  }
  return code;
}

export interface BuiltAgency {
  id: number;
  userId: number;
  username: string;
  name: string;
  uscc: string;
}

/** A listed agency with its own intermediary account (password DEMO_PASSWORD), or linked to `userId` when given. */
export async function buildAgency(db: Knex, overrides: { name?: string; state?: string; userId?: number; serviceItems?: string[]; jurisdictionCode?: string } = {}): Promise<BuiltAgency> {
  const k = ++n;
  let userId = overrides.userId;
  let username = '';
  if (userId === undefined) {
    username = `agency-${tag}-${k}`;
    const [id] = await db('users').insert({ username, password_hash: await hashPassword(DEMO_PASSWORD), display_name: `测试中介机构${k}`, role: 'intermediary', jurisdiction_code: DEMO.cityCode, level: 'city', department: null, active: true, created_at: now() });
    userId = Number(id);
  } else username = (await db('users').where({ id: userId }).first('username')).username;
  const uscc = fakeUscc();
  const name = overrides.name ?? `温州测试工程咨询有限公司${tag}${k}`;
  const [rawId] = await db('market_agencies').insert({
    user_id: userId,
    name,
    uscc,
    legal_representative: '李测试',
    contact_phone: '057788000000',
    address: '温州市鹿城区测试路1号',
    jurisdiction_code: overrides.jurisdictionCode ?? DEMO.cityCode,
    on_site: false,
    areas: JSON.stringify([DEMO.cityCode]),
    introduction: '',
    state: overrides.state ?? 'listed',
    machine_context: '{}',
    row_version: 1,
    last_seq: 1,
    registered_at: now(),
    listed_at: now(),
    updated_at: now(),
  });
  const id = Number(rawId);
  for (const code of overrides.serviceItems ?? []) await db('market_agency_services').insert({ agency_id: id, service_item_code: code });
  return { id, userId, username, name, uscc };
}

/** An order in state `completed` (or `state`), served by `agencyId`, owned by `ownerUserId`. */
export async function buildCompletedOrder(db: Knex, o: { agencyId: number; ownerUserId: number; serviceItemCode: string; state?: string; jurisdictionCode?: string; caseNo?: string }): Promise<{ id: number; orderNo: string }> {
  const k = ++n;
  const orderNo = `MO${tag}${String(k).padStart(6, '0')}`.slice(0, 24);
  const [rawId] = await db('market_orders').insert({
    order_no: orderNo,
    owner_user_id: o.ownerUserId,
    owner_kind: 'person',
    owner_name: '张伟',
    service_item_code: o.serviceItemCode,
    jurisdiction_code: o.jurisdictionCode ?? DEMO.countyCode,
    case_no: o.caseNo ?? null,
    title: `测试采购公告${k}`,
    content: '宗地测绘',
    budget_min: 1000,
    budget_max: 5000,
    method: 'direct',
    required_qualification: '测绘资质',
    required_level: null,
    avoided_agencies: '[]',
    signup_deadline: now(),
    selection_at: now(),
    service_days: 10,
    state: o.state ?? 'completed',
    machine_context: '{}',
    row_version: 1,
    last_seq: 1,
    chosen_agency_id: o.agencyId,
    contract_amount: 3000,
    service_due_on: '2026-12-01',
    overdue: false,
    created_at: now(),
    updated_at: now(),
  });
  await db('market_agencies').where({ id: o.agencyId }).increment('completed_orders', 1);
  return { id: Number(rawId), orderNo };
}
