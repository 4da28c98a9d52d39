import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { dbTime } from '../../db/connection';
import { DEMO, DEMO_PASSWORD } from '../../db/seed/users';
import { hashPassword } from '../../server/auth/passwords';
import { fakeUscc } from './api';

/*
 * Market rows for tests, inserted directly (025's columns), beside the seeded
 * market: service items, listed agencies with their qualification, services,
 * areas and an `intermediary` account (log in with DEMO_PASSWORD), and orders
 * already completed (for the ratings, which need no order machine to run).
 */
let n = 0;
const tag = randomBytes(3).toString('hex');
const now = () => dbTime(new Date());
let hash: Promise<string> | undefined;

export interface ServiceItemOverrides {
  code?: string;
  name?: string;
  department?: string;
  governmentPaid?: boolean;
  requiredQualification?: string;
}

/** A service item (inserted once per code). */
export async function buildServiceItem(db: Knex, o: ServiceItemOverrides = {}): Promise<{ code: string; requiredQualification: string }> {
  const code = o.code ?? `T${tag}${++n}`.slice(0, 16);
  const requiredQualification = o.requiredQualification ?? '工程勘察资质';
  if (!(await db('market_service_items').where({ code }).first())) {
    await db('market_service_items').insert({
      code,
      name: o.name ?? `测试中介服务${code}`,
      category: '勘察',
      department: o.department ?? DEMO.department,
      government_paid: o.governmentPaid ?? false,
      description: '测试用中介服务事项',
      required_qualification: requiredQualification,
    });
  }
  return { code, requiredQualification };
}

export interface AgencyOverrides {
  name?: string;
  state?: string;
  services?: string[];
  qualification?: { name: string; level: string; expiresOn: string } | null;
  areas?: string[];
  username?: string;
  /** Link to this existing account instead of making one. */
  userId?: number;
  jurisdictionCode?: string;
}

export interface BuiltAgency {
  id: number;
  userId: number;
  username: string;
  uscc: string;
  name: string;
}

/** A listed agency (or `state`) with its own intermediary account, a valid qualification, and the services given. */
export async function buildAgency(db: Knex, o: AgencyOverrides = {}): Promise<BuiltAgency> {
  const k = ++n;
  const name = o.name ?? `温州测试工程咨询有限公司${tag}${k}`;
  let userId = o.userId;
  let username: string;
  if (userId === undefined) {
    username = o.username ?? `agency-${tag}-${k}`;
    hash ??= hashPassword(DEMO_PASSWORD);
    const [id] = await db('users').insert({ username, password_hash: await hash, display_name: name, role: 'intermediary', jurisdiction_code: DEMO.cityCode, level: 'city', department: null, active: true, created_at: now() });
    userId = Number(id);
  } else username = (await db('users').where({ id: userId }).first('username')).username;
  const uscc = fakeUscc();
  const [rawId] = await db('market_agencies').insert({
    user_id: userId,
    name,
    uscc,
    legal_representative: '李测试',
    contact_phone: '0577-88000000',
    address: '温州市鹿城区测试路1号',
    jurisdiction_code: o.jurisdictionCode ?? DEMO.cityCode,
    on_site: false,
    areas: JSON.stringify(o.areas ?? [DEMO.cityCode]),
    introduction: '',
    state: o.state ?? 'listed',
    machine_context: '{}',
    row_version: 1,
    last_seq: 1,
    registered_at: now(),
    listed_at: now(),
    updated_at: now(),
  });
  const id = Number(rawId);
  const q = o.qualification === undefined ? { name: '工程勘察资质', level: '甲级', expiresOn: '2030-12-31' } : o.qualification;
  if (q) await db('market_qualifications').insert({ agency_id: id, name: q.name, level: q.level, certificate_no: `B${tag}${k}`, issued_by: '浙江省住房和城乡建设厅', expires_on: q.expiresOn });
  for (const code of o.services ?? []) await db('market_agency_services').insert({ agency_id: id, service_item_code: code });
  return { id, userId, username, uscc, name };
}

/** An order in state `completed` (or `state`), served by `agencyId`, owned by `ownerUserId`. */
export async function buildCompletedOrder(
  db: Knex,
  o: { agencyId: number; ownerUserId: number; serviceItemCode: string; state?: string; jurisdictionCode?: string; caseNo?: string },
): Promise<{ id: number; orderNo: string }> {
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
