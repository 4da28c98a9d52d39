import { createHash } from 'node:crypto';
import { COUNTIES } from '../wenzhouNames';

/** How many proxy orders Wenzhou's free online proxy service completed in 2015 (温商回归 projects). */
export const PROXY_ORDERS_2015 = 2050;

export interface HistoryOrder {
  orderNo: string;
  countyIndex: number;
  townCode: string;
  ownerName: string;
  ownerPhone: string;
  scope: 'full' | 'stage';
  stage: number | null;
  request: string;
  createdAt: string;
  dispatchedAt: string;
  acceptedAt: string;
  closedAt: string;
  dueOn: string;
  rating: number;
  /** An agent of the county who declined first (its index among the county's agents), or null. */
  declinedBy: number | null;
  agentIndex: number;
  entrustmentSha: string;
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = '瓯江 鹿城 东海 雁荡 南麂 楠溪 飞云 鳌江 仙岩 玉海 江心 华侨 瑞丰 永嘉 泰顺 文成 洞头 龙湾'.split(' ');
const TRADES = '实业 置业 机电 鞋业 服饰 光电 新材料 智能科技 阀门 电气 包装 食品 文旅 医疗器械 汽车部件'.split(' ');
const PROJECTS = '年产50万台智能电器项目 总部大楼建设项目 新材料产业园一期 智能制造生产基地 物流仓储中心 文旅综合体 研发中心大楼 厂房扩建项目'.split(' ');
const STAGE_NAMES = ['', '立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'];

const pad = (n: number) => String(n).padStart(2, '0');
const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** 2,050 completed proxy orders of 2015 across the 12 counties, each with its dispatch, acceptance, completion and rating. */
export function buildProxyHistory(): HistoryOrder[] {
  const r = rng(2015);
  const out: HistoryOrder[] = [];
  for (let i = 0; i < PROXY_ORDERS_2015; i++) {
    const countyIndex = Math.floor(r() * COUNTIES.length);
    const county = COUNTIES[countyIndex]!;
    const town = county.towns[Math.floor(r() * county.towns.length)]!;
    const day = Math.floor(r() * 300);
    const created = Date.UTC(2015, 0, 2, 1, 0) + day * 86_400_000 + Math.floor(r() * 8) * 3_600_000;
    const dispatched = created + (1 + Math.floor(r() * 6)) * 3_600_000;
    const accepted = dispatched + Math.floor((0.5 + r() * 20) * 3_600_000);
    const full = r() < 0.6;
    const stage = full ? null : 1 + Math.floor(r() * 4);
    const closed = accepted + Math.floor((full ? 25 + r() * 70 : 8 + r() * 30) * 86_400_000);
    const due = new Date(accepted + (full ? 100 : 42) * 86_400_000);
    const ownerName = `温州${PLACES[Math.floor(r() * PLACES.length)]}${TRADES[Math.floor(r() * TRADES.length)]}有限公司`;
    const project = PROJECTS[Math.floor(r() * PROJECTS.length)]!;
    const request = `温商回归项目：${project}，${full ? '全程代办' : `代办${STAGE_NAMES[stage!]}阶段`}`;
    const d = new Date(created);
    const x = r();
    out.push({
      orderNo: `PX2015${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${String(i + 1).padStart(6, '0')}`,
      countyIndex,
      townCode: `${town.code9}000`,
      ownerName,
      ownerPhone: `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
      scope: full ? 'full' : 'stage',
      stage,
      request,
      createdAt: at(created),
      dispatchedAt: at(dispatched),
      acceptedAt: at(accepted),
      closedAt: at(closed),
      dueOn: due.toISOString().slice(0, 10),
      rating: x < 0.72 ? 5 : x < 0.93 ? 4 : x < 0.98 ? 3 : 2,
      declinedBy: r() < 0.08 ? 0 : null,
      agentIndex: Math.floor(r() * 3),
      entrustmentSha: createHash('sha256').update(`代办服务委托书\n委托人：${ownerName}\n${request}`, 'utf8').digest('hex'),
    });
  }
  return out;
}
