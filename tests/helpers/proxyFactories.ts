import type { Knex } from 'knex';

let made = 0;
const LUCHENG_TOWN = { code: '330302006000', path: '330000000000/330300000000/330302000000/330302006000/' };

/**
 * A project of `owner` in 五马街道 (鹿城区), inserted directly: the project
 * commands are not on this branch, and a proxy order only reads the row.
 */
export async function buildProject(db: Knex, owner = 'applicant'): Promise<{ id: number; code: string }> {
  const u = await db('users').where({ username: owner }).first('id');
  const n = ++made + (process.pid % 1000) * 100;
  const code = `2026-330302-70-01-${String(n).padStart(6, '0')}`;
  const at = '2026-12-01 02:00:00.000';
  const [id] = await db('projects').insert({
    code, name: `温商回归总部大楼项目${n}`, type: 'approval', industry: '70', investment: 32000, land_status: 'transferred', location: '温州市鹿城区五马街道',
    jurisdiction_code: LUCHENG_TOWN.code, jurisdiction_path: LUCHENG_TOWN.path, owner_user_id: u.id, owner_name: '温州瓯越置业有限公司', owner_uscc: '91330302MA2AB1C2X3', owner_legal_rep: '张伟', owner_phone: '13857700001',
    state: 'coded', machine_context: '{}', row_version: 1, last_seq: 1, coded_on: '2026-12-01', created_at: at, updated_at: at,
  });
  return { id: Number(id), code };
}

/** The seeded agent of an account. */
export async function agentOf(db: Knex, username: string): Promise<{ id: number; userId: number }> {
  const r = await db('proxy_agents as a').join('users as u', 'u.id', 'a.user_id').where('u.username', username).first('a.id', 'a.user_id');
  return { id: Number(r.id), userId: Number(r.user_id) };
}
