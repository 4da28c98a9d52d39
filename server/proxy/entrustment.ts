import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError, validationFailed } from '../errors';
import { STAGE_NAMES, type StageNo } from '../../workflows/projectStages';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface EntrustmentSubject {
  ownerName: string;
  projectCode: string | null;
  projectName: string | null;
  placeName: string;
  scope: 'full' | 'stage';
  stage: number | null;
  request: string;
}

/**
 * The entrustment (代办服务委托书, DB14/T 2233—2020's first form), in Chinese,
 * generated from the request: the owner reads it, types their name and ticks
 * consent; the order keeps its SHA-256, the signer and the time.
 */
export function entrustmentText(s: EntrustmentSubject): string {
  const scope = s.scope === 'full' ? '全程代办（立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段）' : `环节帮办（第${s.stage}阶段：${STAGE_NAMES[(s.stage ?? 1) as StageNo].zh}）`;
  return [
    '代办服务委托书',
    `委托人：${s.ownerName}`,
    s.projectCode ? `项目：${s.projectName}（项目代码 ${s.projectCode}）` : '项目：尚未赋码',
    `项目所在地：${s.placeName}`,
    `委托事项：${scope}`,
    `具体要求：${s.request || '（无）'}`,
    '委托人自愿委托行政服务中心指派的代办员无偿代为办理上述审批事项，并按要求提供真实、完整的申报材料；法定收费由委托人自行承担。',
    '代办员应及时反馈办理进度，办结后交还审批结果；委托人可申请终止或续办。',
  ].join('\n');
}

/** The project an owner names (theirs), and where it is. */
export async function ownersProject(db: Knex, code: string, ownerUserId: number): Promise<{ id: number; code: string; name: string; ownerName: string; jurisdictionCode: string; jurisdictionPath: string }> {
  const p = await db('projects').where({ code }).first('id', 'code', 'name', 'owner_name', 'owner_user_id', 'jurisdiction_code', 'jurisdiction_path');
  if (!p || Number(p.owner_user_id) !== ownerUserId) throw new AppError('PROXY_PROJECT_NOT_FOUND', 404, `No project ${code} of yours`, { field: 'projectCode' });
  return { id: Number(p.id), code: p.code, name: p.name, ownerName: p.owner_name, jurisdictionCode: p.jurisdiction_code, jurisdictionPath: p.jurisdiction_path };
}

/** A place of the jurisdiction tree: its path and full name. */
export async function place(db: Knex, code: string): Promise<{ code: string; path: string; name: string }> {
  const j = await db('jurisdictions').where({ code }).first('code', 'path');
  if (!j) throw validationFailed(`jurisdictionCode: no place ${code}`, { field: 'jurisdictionCode' });
  const codes = String(j.path).split('/').filter(Boolean);
  const names = await db('jurisdictions').whereIn('code', codes).select('code', 'name');
  const by = new Map(names.map((n: { code: string; name: string }) => [n.code, n.name]));
  return { code: j.code, path: j.path, name: codes.map((c) => by.get(c) ?? '').join('') };
}
