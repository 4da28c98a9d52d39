import type { Knex } from 'knex';
import { hashPassword } from '../../server/auth/passwords';
import { DEMO, DEMO_PASSWORD } from '../../db/seed/users';

/*
 * Factories for the market's reference rows (helper A seeds the real ones):
 * service items, listed agencies with their qualification, service, area and
 * an `intermediary` account (log in with DEMO_PASSWORD). Only 025's columns.
 */
let serial = 0;
let hash: Promise<string> | undefined;

export interface ServiceItemOverrides {
  code?: string;
  name?: string;
  governmentPaid?: boolean;
  requiredQualification?: string;
}

export async function buildServiceItem(db: Knex, o: ServiceItemOverrides = {}): Promise<{ code: string; requiredQualification: string }> {
  const code = o.code ?? `ZJ-T${String(++serial).padStart(3, '0')}${Math.floor(Math.random() * 1000)}`;
  const requiredQualification = o.requiredQualification ?? '工程勘察资质';
  await db('market_service_items').insert({ code, name: o.name ?? '建设工程地质勘察', category: '勘察', department: 'construction', government_paid: o.governmentPaid ?? false, description: '测试用中介服务事项', required_qualification: requiredQualification });
  return { code, requiredQualification };
}

/** A fake but well-formed-looking USCC, unique per call. */
export function testUscc(): string {
  const n = `${Date.now() % 1e8}${++serial}`.padStart(9, '0').slice(-9);
  return `91330300${n}X`.slice(0, 18).padEnd(18, '0');
}

export interface AgencyOverrides {
  name?: string;
  state?: string;
  services?: string[];
  qualification?: { name: string; level: string; expiresOn: string } | null;
  areas?: string[];
  username?: string;
}

export interface BuiltAgency {
  id: number;
  userId: number;
  username: string;
  uscc: string;
  name: string;
}

export async function buildAgency(db: Knex, o: AgencyOverrides = {}): Promise<BuiltAgency> {
  const n = ++serial;
  const username = o.username ?? `agency.t${n}.${Math.floor(Math.random() * 1e6)}`;
  const name = o.name ?? `温州测试工程咨询有限公司${n}`;
  const at = '2026-01-05 08:00:00.000';
  hash ??= hashPassword(DEMO_PASSWORD);
  const [userId] = await db('users').insert({ username, password_hash: await hash, display_name: name, role: 'intermediary', jurisdiction_code: DEMO.cityCode, level: 'city', department: null, active: true, created_at: at });
  const uscc = testUscc();
  const [id] = await db('market_agencies').insert({
    user_id: Number(userId),
    name,
    uscc,
    legal_representative: '王五',
    contact_phone: '0577-88000000',
    address: '温州市鹿城区',
    jurisdiction_code: DEMO.cityCode,
    on_site: false,
    areas: JSON.stringify(o.areas ?? [DEMO.cityCode]),
    introduction: '',
    state: o.state ?? 'listed',
    machine_context: JSON.stringify({}),
    row_version: 1,
    last_seq: 1,
    registered_at: at,
    listed_at: at,
    updated_at: at,
  });
  const q = o.qualification === undefined ? { name: '工程勘察资质', level: '甲级', expiresOn: '2030-12-31' } : o.qualification;
  if (q) await db('market_qualifications').insert({ agency_id: Number(id), name: q.name, level: q.level, certificate_no: `B${n}`, issued_by: '浙江省住房和城乡建设厅', expires_on: q.expiresOn });
  for (const code of o.services ?? []) await db('market_agency_services').insert({ agency_id: Number(id), service_item_code: code });
  return { id: Number(id), userId: Number(userId), username, uscc, name };
}
