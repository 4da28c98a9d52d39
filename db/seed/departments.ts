/**
 * Kinds of government departments. A department of every kind exists in every
 * county, city and province jurisdiction; a reviewer is identified by the
 * department code plus the jurisdiction code. The names are the county/city
 * form (…局); the province form differs (…厅) but the kind is the same.
 */
export interface DepartmentSeed {
  /** Lowercase ascii, e.g. 'market'. */
  code: string;
  /** Chinese name, e.g. '市场监督管理局'. */
  name: string;
  nameEn: string;
}

const DEPARTMENTS: readonly DepartmentSeed[] = [
  { code: 'market', name: '市场监督管理局', nameEn: 'Administration for Market Regulation' },
  { code: 'health', name: '卫生健康委员会', nameEn: 'Health Commission' },
  { code: 'resources', name: '自然资源和规划局', nameEn: 'Bureau of Natural Resources and Planning' },
  { code: 'housing', name: '住房和城乡建设局', nameEn: 'Bureau of Housing and Urban-Rural Development' },
  { code: 'transport', name: '交通运输局', nameEn: 'Bureau of Transport' },
  { code: 'environment', name: '生态环境局', nameEn: 'Bureau of Ecology and Environment' },
  { code: 'civil', name: '民政局', nameEn: 'Bureau of Civil Affairs' },
  { code: 'hrss', name: '人力资源和社会保障局', nameEn: 'Bureau of Human Resources and Social Security' },
  { code: 'agri', name: '农业农村局', nameEn: 'Bureau of Agriculture and Rural Affairs' },
  { code: 'culture', name: '文化广电旅游局', nameEn: 'Bureau of Culture, Radio, Television and Tourism' },
  { code: 'police', name: '公安局', nameEn: 'Public Security Bureau' },
  { code: 'commerce', name: '商务局', nameEn: 'Bureau of Commerce' },
  { code: 'education', name: '教育局', nameEn: 'Bureau of Education' },
  { code: 'water', name: '水利局', nameEn: 'Bureau of Water Resources' },
  { code: 'emergency', name: '应急管理局', nameEn: 'Bureau of Emergency Management' },
  { code: 'drc', name: '发展和改革委员会', nameEn: 'Development and Reform Commission' },
  { code: 'urban', name: '综合行政执法局', nameEn: 'Bureau of Comprehensive Administrative Law Enforcement' },
  { code: 'disabled', name: '残疾人联合会', nameEn: "Disabled Persons' Federation" },
];

/** All department kinds, in a fixed order (fresh objects on every call). */
export function buildDepartments(): DepartmentSeed[] {
  return DEPARTMENTS.map((d) => ({ ...d }));
}

export const DEPARTMENT_CODES: readonly string[] = DEPARTMENTS.map((d) => d.code);
