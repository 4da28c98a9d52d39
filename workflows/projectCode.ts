/**
 * The project code (项目代码) of an investment project: the one identifier of
 * its whole life (发改投资〔2020〕1439号), of the national shape
 * `YYYY-AAAAAA-II-TT-NNNNNN`, 24 characters: the year it was coded, the
 * six-digit area code of the jurisdiction, the two-digit industry, the
 * two-digit project type and a six-digit serial (e.g. 2017-330302-47-03-012345).
 */
export const PROJECT_CODE_PATTERN = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;
export const PROJECT_CODE_LENGTH = 24;

/** Project type codes (项目类型代码) of the code's fourth segment: how the project is authorised. */
export const PROJECT_TYPES = ['approval', 'permit', 'filing'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const PROJECT_TYPE_CODE: Record<ProjectType, string> = {
  approval: '01', // 审批类: a government-invested project
  permit: '02', // 核准类: an enterprise project on the government's list
  filing: '03', // 备案类: any other enterprise project
};

/** Industries (行业代码, two digits of GB/T 4754's sections as the platform uses them) a project may be coded with. */
export const PROJECT_INDUSTRIES: Record<string, { zh: string; en: string }> = {
  '13': { zh: '农副食品加工业', en: 'Agricultural and food processing' },
  '34': { zh: '通用设备制造业', en: 'General equipment manufacturing' },
  '38': { zh: '电气机械和器材制造业', en: 'Electrical machinery manufacturing' },
  '44': { zh: '电力、热力生产和供应业', en: 'Power and heat supply' },
  '47': { zh: '房屋建筑业', en: 'Building construction' },
  '48': { zh: '土木工程建筑业', en: 'Civil engineering' },
  '54': { zh: '道路运输业', en: 'Road transport' },
  '65': { zh: '软件和信息技术服务业', en: 'Software and IT services' },
  '70': { zh: '房地产业', en: 'Real estate' },
  '83': { zh: '教育', en: 'Education' },
  '84': { zh: '卫生', en: 'Health' },
};

export interface ProjectCodeParts {
  year: number;
  areaCode: string;
  industry: string;
  typeCode: string;
  serial: number;
}

export type ProjectCodeProblem = 'length' | 'shape' | 'year' | 'industry' | 'type' | 'serial';

/** The parts of a well-formed code, or the first thing wrong with it. */
export function parseProjectCode(code: string): { ok: true; parts: ProjectCodeParts } | { ok: false; problem: ProjectCodeProblem } {
  if (code.length !== PROJECT_CODE_LENGTH) return { ok: false, problem: 'length' };
  const m = PROJECT_CODE_PATTERN.exec(code);
  if (!m) return { ok: false, problem: 'shape' };
  const year = Number(m[1]);
  if (year < 2000 || year > 2099) return { ok: false, problem: 'year' };
  if (!PROJECT_INDUSTRIES[m[3]]) return { ok: false, problem: 'industry' };
  if (!Object.values(PROJECT_TYPE_CODE).includes(m[4])) return { ok: false, problem: 'type' };
  const serial = Number(m[5]);
  if (serial < 1) return { ok: false, problem: 'serial' };
  return { ok: true, parts: { year, areaCode: m[2], industry: m[3], typeCode: m[4], serial } };
}

export const isProjectCode = (code: string): boolean => parseProjectCode(code).ok;

/** The six-digit area code of a 12-digit jurisdiction code (330302006001 → 330302). */
export const projectAreaCode = (jurisdictionCode: string): string => jurisdictionCode.slice(0, 6);

export function formatProjectCode(p: ProjectCodeParts): string {
  return `${p.year}-${p.areaCode}-${p.industry}-${p.typeCode}-${String(p.serial).padStart(6, '0')}`;
}
