import type { ProjectType } from './projectCode';

/**
 * The four stages of an investment project's approval (国办发〔2019〕11号),
 * each with the approval items it files in parallel (并联审批), by how the
 * project is authorised. Items are catalogue codes (db/seed/catalogue.ts is
 * deterministic; tests/unit/projectStages.test.ts checks each names what it says).
 */
export const STAGES = [1, 2, 3, 4] as const;
export type StageNo = (typeof STAGES)[number];

export const STAGE_NAMES: Record<StageNo, { zh: string; en: string }> = {
  1: { zh: '立项用地规划许可', en: 'Project approval, land use and planning permission' },
  2: { zh: '工程建设许可', en: 'Construction works permission' },
  3: { zh: '施工许可', en: 'Construction permit' },
  4: { zh: '竣工验收', en: 'Completion acceptance' },
};

export interface StageItem {
  code: string;
  /** The item's name as the catalogue has it (checked by a unit test). */
  name: string;
}

const STAGE_1: Record<ProjectType, StageItem[]> = {
  approval: [
    { code: '330300-XK-0755', name: '政府投资项目审批（可行性研究报告）' },
    { code: '330300-XK-0315', name: '建设项目用地预审与选址意见书（划拨类·新办）' },
    { code: '330300-XK-0309', name: '建设用地规划许可证核发（划拨·新办）' },
  ],
  permit: [
    { code: '330300-XK-0763', name: '企业投资项目核准（城建类·首次核准）' },
    { code: '330300-XK-0316', name: '建设项目用地预审与选址意见书（其他类·新办）' },
    { code: '330300-XK-0310', name: '建设用地规划许可证核发（出让·新办）' },
  ],
  filing: [
    { code: '330300-GG-0067', name: '企业投资项目备案（首次备案）' },
    { code: '330300-XK-0310', name: '建设用地规划许可证核发（出让·新办）' },
  ],
};

const LATER: Record<2 | 3 | 4, StageItem[]> = {
  2: [
    { code: '330300-XK-0300', name: '建设工程规划许可证核发（建筑类·新办）' },
    { code: '330300-XK-0463', name: '建设项目环境影响评价文件审批（报告表·首次审批）' },
  ],
  3: [
    { code: '330300-XK-0353', name: '特殊建设工程消防设计审查（首次审查）' },
    { code: '330300-XK-0337', name: '建筑工程施工许可证核发（房屋建筑工程·新办）' },
  ],
  4: [
    { code: '330300-QR-0020', name: '建设工程规划核实（建筑类）' },
    { code: '330300-XK-0373', name: '特殊建设工程消防验收（首次验收）' },
    { code: '330300-GG-0010', name: '建设工程竣工验收备案（首次备案）' },
  ],
};

/** The approval items a stage of a project of this type files, all at once. */
export function stageItems(type: ProjectType, stage: StageNo): StageItem[] {
  return stage === 1 ? STAGE_1[type] : LATER[stage];
}

/**
 * How an interval of a project's life is attributed. Counted on the
 * whole-process clock (Zhejiang's rule): government approval,
 * government-commissioned intermediary services, utility connection. Not
 * counted: the owner's own preparation and intermediaries the owner hires.
 */
export const INTERVAL_KINDS = ['government_approval', 'government_intermediary', 'utility', 'owner_preparation', 'owner_intermediary'] as const;
export type IntervalKind = (typeof INTERVAL_KINDS)[number];
export const COUNTED_KINDS: readonly IntervalKind[] = ['government_approval', 'government_intermediary', 'utility'];
/** What an owner may declare themselves (a wait with a start and, later, an end). */
export const DECLARED_WAIT_KINDS = ['owner_preparation', 'owner_intermediary', 'utility'] as const;
export type DeclaredWaitKind = (typeof DECLARED_WAIT_KINDS)[number];

/** A project type's two limits: the whole process in calendar days, the administrative approval in working days. */
export interface ProjectClockLimits {
  wholeDays: number;
  approvalWorkingDays: number;
}

/** The seed's Wenzhou figures (100 days, of which approval 30 working days), for every type unless configured. */
export const DEFAULT_PROJECT_CLOCK_LIMITS: Record<ProjectType, ProjectClockLimits> = {
  approval: { wholeDays: 100, approvalWorkingDays: 30 },
  permit: { wholeDays: 100, approvalWorkingDays: 30 },
  filing: { wholeDays: 100, approvalWorkingDays: 30 },
};

export const LAND_STATUSES = ['allocated', 'transferred', 'pending'] as const; // 划拨 / 出让 / 尚未取得
export type LandStatus = (typeof LAND_STATUSES)[number];
