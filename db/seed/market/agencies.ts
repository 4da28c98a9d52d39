/**
 * The seeded agencies of the market: 626 published (55 also on the physical
 * platform; 6 expelled, 3 suspended, the rest listed) and 4 registrations
 * awaiting the centre's review. Deterministic: the same index gives the same
 * agency, its USCC (GB 32100 check character), qualifications (some expired),
 * practising staff, service items and areas. The first three are the demo
 * agency accounts' (`intermediary`, `intermediary2`, `intermediary3`).
 */
import { usccCheckChar } from '../../../workflows/identity';
import { COUNTIES } from '../wenzhouNames';
import type { ServiceItemSeed } from './serviceItems';

export const PUBLISHED_AGENCIES = 626;
export const ON_SITE_AGENCIES = 55;
export const PENDING_AGENCIES = 4;
export const CITY_CODE = '330300000000';

/** Indexes (0-based) of the expelled and suspended agencies. */
export const EXPELLED_AT = [100, 206, 312, 418, 524, 610] as const;
export const SUSPENDED_AT = [150, 350, 550] as const;

/** The demo agencies' accounts, their names, and the service items all three offer (competitors). */
export const DEMO_AGENCIES = [
  { username: 'intermediary', name: '温州市瓯江工程咨询有限公司' },
  { username: 'intermediary2', name: '温州华测勘察测绘有限公司' },
  { username: 'intermediary3', name: '浙江东方环境科技有限公司' },
] as const;
export const DEMO_SHARED_SERVICES = ['ZJFW001', 'ZJFW002', 'ZJFW003', 'ZJFW038', 'ZJFW072'] as const;

export interface QualificationSeed {
  name: string;
  level: string;
  certificateNo: string;
  issuedBy: string;
  expiresOn: string;
}

export interface AgencySeed {
  index: number;
  name: string;
  uscc: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  jurisdictionCode: string;
  onSite: boolean;
  areas: string[];
  introduction: string;
  state: 'listed' | 'suspended' | 'expelled' | 'pending';
  services: string[];
  qualifications: QualificationSeed[];
  staff: { name: string; title: string; certificateNo: string }[];
}

const PLACES = ['温州市', '温州', '浙江', '鹿城', '瑞安市', '乐清市', '永嘉县', '平阳县', '苍南县', '浙江温州', '温州龙湾', '温州瓯海', '文成县'];
const ZIHAO = '瓯江 华东 中建 信达 恒信 东方 大成 天正 宏达 诚信 金瓯 鼎信 正元 中正 明诚 博远 新世纪 科信 华鼎 永安 安泰 国信 求是 中科 浙南 雁荡 南麂 楠溪 瑞成 嘉诚 汇通 同济 天和 立信 众诚 鸿业 中天 启航 卓远 广厦 联创 合众'.split(' ');
const INDUSTRY: Record<ServiceItemSeed['category'], string[]> = {
  assessment: ['工程咨询', '安全技术', '环境科技', '评估咨询'],
  survey: ['勘察测绘', '测绘地理信息', '勘测规划'],
  design: ['建筑设计', '工程设计', '规划设计'],
  testing: ['检测技术', '检验检测', '质量检测'],
  consulting: ['工程咨询', '项目管理咨询', '技术服务'],
  appraisal: ['资产评估', '房地产估价', '司法鉴定'],
};
const SURNAMES = '陈 林 黄 王 张 李 周 吴 郑 徐 潘 金 叶 朱 胡 杨 蔡 谢 夏 应'.split(' ');
const GIVEN = '建国 海峰 丽华 志强 晓燕 卫东 雅琴 永明 伟 敏 静 磊 洁 勇 芳 涛 斌 霞 俊 颖 国平 松林 美玲 文斌'.split(' ');
const TITLES = ['注册测绘师', '注册安全工程师', '环境影响评价工程师', '注册造价工程师', '高级工程师', '工程师', '注册岩土工程师', '一级注册建筑师', '注册咨询工程师（投资）', '注册结构工程师'];
const ISSUER: Record<string, string> = {
  resources: '浙江省自然资源厅', housing: '浙江省住房和城乡建设厅', environment: '生态环境部', water: '浙江省水利厅', emergency: '浙江省应急管理厅',
  drc: '中国工程咨询协会', transport: '浙江省交通运输厅', market: '浙江省市场监督管理局', health: '浙江省卫生健康委员会', agri: '浙江省农业农村厅',
  culture: '国家文物局', police: '浙江省公安厅', commerce: '浙江省商务厅', education: '浙江省住房和城乡建设厅', urban: '浙江省住房和城乡建设厅',
  civil: '浙江省消防救援总队', hrss: '浙江省卫生健康委员会',
};
const STREETS = ['人民路', '车站大道', '学院路', '锦绣路', '瓯江路', '温州大道', '府东路', '飞霞路', '新城大道', '万松路'];

/** GB 11714 organisation code: 8 digits and their check character. */
function organCode(n: number): string {
  const body = String(10_000_000 + ((n * 7_919) % 89_999_999)).slice(0, 8);
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const c = 11 - ([...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

export function agencyUscc(index: number, county6: string): string {
  const body = `91${county6}${organCode(index + 1)}`;
  return body + usccCheckChar(body)!;
}

const personName = (n: number) => SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7 + 3) % GIVEN.length]!;

function servicesOf(i: number, items: readonly ServiceItemSeed[]): string[] {
  if (i < DEMO_AGENCIES.length) return [...DEMO_SHARED_SERVICES];
  const n = items.length;
  const base = (i * 3) % n;
  const picks = [base, (base + 1) % n, (base + 2) % n, ...(i % 2 === 0 ? [(i * 7 + 11) % n] : [])];
  return [...new Set(picks.map((k) => items[k]!.code))];
}

function stateOf(i: number): AgencySeed['state'] {
  if (i >= PUBLISHED_AGENCIES) return 'pending';
  if ((EXPELLED_AT as readonly number[]).includes(i)) return 'expelled';
  if ((SUSPENDED_AT as readonly number[]).includes(i)) return 'suspended';
  return 'listed';
}

/** Every seeded agency, in id order (id = index + 1). */
export function buildAgencies(items: readonly ServiceItemSeed[]): AgencySeed[] {
  const byCode = new Map(items.map((s) => [s.code, s]));
  const names = new Set<string>();
  const out: AgencySeed[] = [];
  for (let i = 0; i < PUBLISHED_AGENCIES + PENDING_AGENCIES; i++) {
    const county = COUNTIES[i % COUNTIES.length]!;
    const services = servicesOf(i, items);
    const first = byCode.get(services[0]!)!;
    let name: string = DEMO_AGENCIES[i]?.name ?? '';
    for (let k = 0; !name || names.has(name); k++) {
      const industries = INDUSTRY[first.category];
      name = `${PLACES[(i + k) % PLACES.length]}${ZIHAO[(Math.floor(i / PLACES.length) + k) % ZIHAO.length]}${industries[(i + k) % industries.length]}有限公司`;
    }
    names.add(name);
    const demo = i < DEMO_AGENCIES.length;
    const quals = [...new Set(services.map((c) => byCode.get(c)!.requiredQualification))].map((q, k) => {
      const svc = services.map((c) => byCode.get(c)!).find((s) => s.requiredQualification === q)!;
      const expired = !demo && k === 0 && i % 17 === 5;
      return {
        name: q,
        level: demo ? '甲级' : ['甲级', '乙级', '丙级'][(i + k) % 3]!,
        certificateNo: `${svc.department.toUpperCase().slice(0, 3)}-${2020 + ((i + k) % 5)}-${String(10_000 + i * 7 + k).padStart(6, '0')}`,
        issuedBy: ISSUER[svc.department] ?? '浙江省人民政府',
        expiresOn: expired ? `2025-${String(1 + (i % 12)).padStart(2, '0')}-28` : `${2028 + ((i + k) % 4)}-${String(1 + ((i * 5 + k) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      };
    });
    const staffCount = 2 + (i % 3);
    const areas = demo || i % 5 < 2 ? [CITY_CODE] : i % 5 === 2 ? [`${county.code6}000000`, `${COUNTIES[(i + 1) % COUNTIES.length]!.code6}000000`] : [`${county.code6}000000`];
    out.push({
      index: i,
      name,
      uscc: agencyUscc(i, county.code6),
      legalRepresentative: personName(i),
      contactPhone: i % 2 === 0 ? `0577-8${String(10_000_000 + ((i * 104_729) % 9_999_999)).slice(-7)}` : `13${String(500_000_000 + ((i * 7_654_321) % 499_999_999)).slice(0, 9)}`,
      address: `${county.name}${STREETS[i % STREETS.length]}${1 + ((i * 37) % 400)}号`,
      jurisdictionCode: areas[0] === CITY_CODE && i % 5 === 0 ? CITY_CODE : `${county.code6}000000`,
      onSite: i < PUBLISHED_AGENCIES && i % 11 === 0 && i < 605,
      areas,
      introduction: `${name}，专业从事${services.map((c) => byCode.get(c)!.name).join('、')}等涉批中介服务。`,
      state: stateOf(i),
      services,
      qualifications: quals,
      staff: Array.from({ length: staffCount }, (_, k) => ({
        name: personName(i * 5 + k + 1),
        title: TITLES[(i + k * 3) % TITLES.length]!,
        certificateNo: `ZY${String(330_000 + i * 10 + k).padStart(8, '0')}`,
      })),
    });
  }
  return out;
}
