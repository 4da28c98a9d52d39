import { buildDepartments } from './departments';
import { buildJurisdictions } from './jurisdictions';

export type UserRole = 'applicant' | 'clerk' | 'reviewer' | 'proxy_agent' | 'intermediary' | 'supervisor' | 'admin';

export interface UserSeed {
  username: string;
  /** Plaintext demo password; the inserter hashes it. */
  password: string;
  displayName: string;
  role: UserRole;
  jurisdictionCode: string;
  /** Department code for reviewers, null for everybody else. */
  department: string | null;
}

export const DEMO_PASSWORD = 'demo1234';

/** The demo applicant account's own particulars (a valid GB 11643 ID number), filled into their filing form. */
export const DEMO_APPLICANT_PROFILE = { username: 'applicant', idNumber: '330302198807151232', phone: '13957712345' } as const;

/**
 * One coherent demo path through 鹿城区: 五马街道 → 安澜社区 (the first
 * village of the first town of 330302), and the catalogue items that the
 * demo carries along it. Tests check that these codes exist and have the
 * promised routes.
 */
export const DEMO = {
  provinceCode: '330000000000',
  cityCode: '330300000000',
  countyCode: '330302000000',
  townCode: '330302006000',
  villageCode: '330302006001',
  /** 安阳街道, 瑞安市: a town of another county, for isolation tests. */
  otherTownCode: '330381001000',
  department: 'market',
  /** 食品经营许可（食品销售·新办）: village → town → county (decides). */
  countyItemCode: '330300-XK-0001',
  /** 药品零售企业许可（单体药店·新办）: village → town → county → city (decides). */
  cityItemCode: '330300-XK-0013',
  /** 执业药师注册（首次注册）: town → county → city → province (decides). */
  provinceItemCode: '330300-XK-0091',
  otherDepartment: 'health',
  /** 公共场所卫生许可（住宿场所·新办）: village → town → county (decides), department health. */
  otherItemCode: '330300-XK-0168',
} as const;

const LEVEL_NAME = { county: '鹿城区', city: '温州市', province: '浙江省' } as const;
const LEVEL_CODE = { county: DEMO.countyCode, city: DEMO.cityCode, province: DEMO.provinceCode } as const;

function user(
  username: string,
  displayName: string,
  role: UserRole,
  jurisdictionCode: string,
  department: string | null = null,
): UserSeed {
  return { username, password: DEMO_PASSWORD, displayName, role, jurisdictionCode, department };
}

/** Demo accounts, all with password 'demo1234'. Deterministic order. */
export function buildDemoUsers(): UserSeed[] {
  const users: UserSeed[] = [
    user('clerk.village', '陈晓燕（安澜社区便民服务中心）', 'clerk', DEMO.villageCode),
    user('clerk.town', '林建国（五马街道便民服务中心）', 'clerk', DEMO.townCode),
    user('clerk.county', '周丽华（鹿城区行政服务中心）', 'clerk', DEMO.countyCode),
    user('clerk.city', '王志强（温州市行政审批与公共服务中心）', 'clerk', DEMO.cityCode),
    user('clerk.province', '赵敏（浙江省政务服务中心）', 'clerk', DEMO.provinceCode),
    user('clerk.othertown', '黄海峰（安阳街道便民服务中心，瑞安市）', 'clerk', DEMO.otherTownCode),
    user('reviewer.county', '郑卫东（鹿城区市场监督管理局）', 'reviewer', DEMO.countyCode, DEMO.department),
    user('reviewer.city', '吴雅琴（温州市市场监督管理局）', 'reviewer', DEMO.cityCode, DEMO.department),
    user('reviewer.province', '徐永明（浙江省市场监督管理局）', 'reviewer', DEMO.provinceCode, DEMO.department),
  ];
  for (const dept of buildDepartments()) {
    for (const level of ['county', 'city', 'province'] as const) {
      users.push(
        user(
          `reviewer.${dept.code}.${level}`,
          `${LEVEL_NAME[level]}${dept.name}审批员`,
          'reviewer',
          LEVEL_CODE[level],
          dept.code,
        ),
      );
    }
  }
  users.push(
    user('supervisor.city', '温州市效能监察员', 'supervisor', DEMO.cityCode),
    user('supervisor.county', '鹿城区效能监察员', 'supervisor', DEMO.countyCode),
    user('admin', '系统管理员', 'admin', DEMO.cityCode),
    user('agent', '叶志成（鹿城区代办员）', 'proxy_agent', DEMO.countyCode),
    user('agent2', '林晓雯（鹿城区代办员）', 'proxy_agent', DEMO.countyCode),
    user('intermediary', '温州市瓯江工程咨询有限公司', 'intermediary', DEMO.cityCode),
    user('intermediary2', '温州华测勘察测绘有限公司', 'intermediary', DEMO.cityCode),
    user('intermediary3', '浙江东方环境科技有限公司', 'intermediary', DEMO.cityCode),
    user('applicant', '张伟', 'applicant', DEMO.countyCode),
    // An investor's company (投资项目单位): registers investment projects and starts their stages.
    user('investor', '温州瓯越置业有限公司', 'applicant', DEMO.countyCode),
    // 塘下镇's market desk: decides the items 瑞安市市场监督管理局 delegated to the town, in the bureau's name (db/seed/delegations.ts).
    user('reviewer.tangxia', '潘晓东（塘下镇市场监管所·受瑞安市市场监督管理局委托）', 'reviewer', '330381101000', 'market'),
  );
  return [...users, ...buildStaffing()];
}

/**
 * The hand-named demo accounts the log-in page lists in demo mode (not the per-department
 * `reviewer.<dept>.<level>` ones nor the staffing below, which follow patterns).
 */
export function featuredDemoUsers(): UserSeed[] {
  return buildDemoUsers().filter((u) => !/^reviewer\.[a-z]+\.(county|city|province)$/.test(u.username) && !u.username.includes('-'));
}

/** The username of the clerk of a town or village centre: `clerk-330302006001`. */
export const clerkUsername = (centreCode: string): string => `clerk-${centreCode}`;
/** The username of a department's reviewer at a county or the city: `reviewer-330302000000-market`. */
export const reviewerUsername = (jurisdictionCode: string, department: string): string => `reviewer-${jurisdictionCode}-${department}`;

/**
 * Every one of the 237 town and village centres gets a clerk, and every county and the city a reviewer of
 * every department, named by the patterns above, so that a case filed anywhere can be worked to the end
 * (province steps are the named `reviewer.<dept>.province` accounts').
 */
export function buildStaffing(): UserSeed[] {
  const tree = buildJurisdictions();
  const departments = buildDepartments();
  const out: UserSeed[] = [];
  for (const j of tree) {
    if (j.level === 'town' || j.level === 'village') out.push(user(clerkUsername(j.code), `${j.centreName}窗口人员`, 'clerk', j.code));
  }
  for (const j of tree) {
    if (j.level !== 'county' && j.level !== 'city') continue;
    for (const d of departments) out.push(user(reviewerUsername(j.code, d.code), `${j.name}${d.name}审批员`, 'reviewer', j.code, d.code));
  }
  return out;
}
