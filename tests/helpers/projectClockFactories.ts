import type { Knex } from 'knex';
import { dbTime } from '../../db/connection';
import { formatProjectCode, projectAreaCode, type ProjectType } from '../../workflows/projectCode';

/*
 * Ties real cases (filed and moved through the API by the test) to a project
 * row inserted directly, with the project registered on the date the test needs
 * (a stage's own filing cannot back-date its cases); everything the clock reads
 * about the cases comes from their real events.
 */
let serial = 900000 + (Date.now() % 50000);

export async function insertProject(knex: Knex, opts: { jurisdictionCode: string; ownerUserId: number; type?: ProjectType; name?: string; codedOn: string; state?: string; stage?: number }): Promise<{ id: number; code: string }> {
  const j = await knex('jurisdictions').where({ code: opts.jurisdictionCode }).first('path');
  const type = opts.type ?? 'filing';
  const code = formatProjectCode({ year: Number(opts.codedOn.slice(0, 4)), areaCode: projectAreaCode(opts.jurisdictionCode), industry: '47', typeCode: { approval: '01', permit: '02', filing: '03' }[type], serial: ++serial });
  const at = dbTime(new Date(`${opts.codedOn}T02:00:00Z`));
  const [id] = await knex('projects').insert({
    code, name: opts.name ?? '测试项目（时钟）', type, industry: '47', investment: 5000, land_status: 'transferred', location: '鹿城区五马街道',
    jurisdiction_code: opts.jurisdictionCode, jurisdiction_path: j.path, owner_user_id: opts.ownerUserId, owner_name: '温州测试置业有限公司',
    owner_uscc: '91330302MA2AAAAAA0', owner_legal_rep: '张三', owner_phone: '13800000000', state: opts.state ?? 'in_stage', machine_context: '{}',
    row_version: 1, last_seq: 1, current_stage: opts.stage ?? 1, coded_on: opts.codedOn, created_at: at, updated_at: at,
  });
  return { id: Number(id), code };
}

export async function tieCase(knex: Knex, projectId: number, stage: number, caseNo: string): Promise<void> {
  const c = await knex('cases').where({ case_no: caseNo }).first('id', 'item_code');
  await knex('project_stage_cases').insert({ case_id: c.id, project_id: projectId, stage, case_no: caseNo, item_code: c.item_code });
}

export async function userId(knex: Knex, username: string): Promise<number> {
  return Number((await knex('users').where({ username }).first('id')).id);
}
