import { COUNTIES } from '../wenzhouNames';

export interface ProxyAgentSeed {
  username: string | null;
  name: string;
  post: string;
  phone: string;
  countyCode: string;
  skills: number[];
}

const SURNAMES = '陈 林 黄 王 张 李 周 吴 郑 徐 潘 金 叶 朱 胡 杨 蔡 谢 夏 应'.split(' ');
const GIVEN = '建平 海燕 丽君 志明 晓红 卫国 雅芳 永强 文华 敏杰 静怡 国庆 洁莹 勇军 芳芳 涛 斌 霞 俊杰 颖'.split(' ');
const SKILLS = [[1, 2, 3, 4], [1, 2], [3, 4], [1, 2, 3, 4]];

/** The demo agents of 鹿城区 (accounts `agent` and `agent2`). */
export const DEMO_PROXY_AGENTS: ProxyAgentSeed[] = [
  { username: 'agent', name: '叶志成', post: '鹿城区行政服务中心代办员', phone: '0577-88210101', countyCode: '330302000000', skills: [1, 2, 3, 4] },
  { username: 'agent2', name: '林晓雯', post: '鹿城区行政服务中心代办员', phone: '0577-88210102', countyCode: '330302000000', skills: [1, 2] },
];

/**
 * The published agents (代办员): the two demo agents of 鹿城区 and three more in each of the 12 counties
 * (names, posts and work phones generated; skills vary: every stage, the first two, the last two).
 */
export function buildProxyAgents(): ProxyAgentSeed[] {
  const out = [...DEMO_PROXY_AGENTS];
  COUNTIES.forEach((c, ci) => {
    for (let k = 0; k < 3; k++) {
      const n = ci * 3 + k;
      out.push({
        username: null,
        name: SURNAMES[(n * 3 + 1) % SURNAMES.length]! + GIVEN[(n * 7 + 2) % GIVEN.length]!,
        post: `${c.name}行政服务中心代办员`,
        phone: `0577-8${String(8300000 + n * 137).padStart(7, '0')}`,
        countyCode: `${c.code6}000000`,
        skills: SKILLS[(n + 1) % SKILLS.length]!,
      });
    }
  });
  return out;
}
