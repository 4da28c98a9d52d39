/**
 * The market's history for the seed: completed purchase orders of many listed
 * agencies with their approved three-way ratings (client, department, centre),
 * and the expelled agencies' bad acts and decisions. Deterministic.
 */
import { createHash } from 'node:crypto';
import { agencyScore, type CountedRating, type RaterKind } from '../../../workflows/marketScore';
import type { AgencySeed } from './agencies';
import type { ServiceItemSeed } from './serviceItems';

/** Yuyao's 5:3:2 (the configuration's default; the seed has no configuration). */
export const SEED_WEIGHTS = [5, 3, 2] as const;

const OWNERS = ['温州市城市建设发展集团有限公司', '温州市交通投资集团有限公司', '瑞安市国有资产投资集团有限公司', '乐清市城市建设投资集团有限公司', '浙江瓯越置业有限公司', '温州市鹿城区城市更新建设有限公司', '永嘉县城乡建设投资集团有限公司', '温州滨海新区开发建设有限公司'];
const PROJECTS = ['安置房项目', '道路改造工程', '产业园区标准厂房', '学校新建工程', '综合体项目', '污水管网工程', '滨江公园工程', '物流仓储项目'];

export interface SeedOrder {
  id: number;
  agencyIndex: number;
  serviceItemCode: string;
  row: Record<string, unknown>;
}

export interface SeedRating extends CountedRating {
  agencyIndex: number;
  comment: string;
}

const day = (n: number) => new Date(Date.UTC(2025, 0, 6) + n * 86_400_000).toISOString().slice(0, 10);
const mark = (seed: number, low: boolean, good = false) => (low ? 1 + (seed % 2) : good ? 5 - (seed % 5 === 0 ? 1 : 0) : 3 + (seed % 3));

/** Completed orders of about three agencies in four, one to three each; marks mostly good, a few one-star orders. */
export function buildHistory(agencies: readonly AgencySeed[], items: readonly ServiceItemSeed[], ownerUserId: number): { orders: SeedOrder[]; ratings: SeedRating[] } {
  const byCode = new Map(items.map((s) => [s.code, s]));
  const orders: SeedOrder[] = [];
  const ratings: SeedRating[] = [];
  for (const a of agencies) {
    if (a.state === 'pending' || a.index % 4 === 3) continue;
    const count = 1 + (a.index % 3);
    for (let k = 0; k < count; k++) {
      const id = orders.length + 1;
      const svc = byCode.get(a.services[k % a.services.length]!)!;
      const start = (a.index * 13 + k * 97) % 600;
      const budget = 20_000 + ((a.index * 31 + k * 17) % 40) * 5_000;
      const drawSeed = createHash('sha256').update(`market-history-${id}`).digest('hex');
      const project = `${OWNERS[(a.index + k) % OWNERS.length]!.slice(0, 4)}${PROJECTS[(a.index * 3 + k) % PROJECTS.length]}`;
      orders.push({
        id,
        agencyIndex: a.index,
        serviceItemCode: svc.code,
        row: {
          id,
          order_no: `LS${day(start).slice(0, 4)}${String(id).padStart(6, '0')}`,
          owner_user_id: ownerUserId,
          owner_kind: svc.governmentPaid ? 'department' : 'legal_person',
          owner_name: OWNERS[(a.index + k) % OWNERS.length],
          service_item_code: svc.code,
          jurisdiction_code: a.jurisdictionCode,
          case_no: null,
          title: `${project}${svc.name}`,
          content: `为${project}提供${svc.name}服务，成果须满足审批要求。`,
          budget_min: budget,
          budget_max: budget + 20_000,
          // The history has no sign-ups to draw from: its orders were chosen directly; each was announced (its seed committed).
          method: 'direct',
          draw_seed: drawSeed,
          draw_commitment: createHash('sha256').update(drawSeed).digest('hex'),
          required_qualification: svc.requiredQualification,
          required_level: null,
          avoided_agencies: '[]',
          signup_deadline: `${day(start + 5)} 17:00:00`,
          selection_at: `${day(start + 6)} 10:00:00`,
          service_days: 20,
          state: 'completed',
          machine_context: '{}',
          row_version: 1,
          last_seq: 0,
          chosen_agency_id: a.index + 1,
          contract_amount: budget + 10_000,
          service_due_on: day(start + 30),
          overdue: false,
          created_at: `${day(start)} 09:00:00`,
          updated_at: `${day(start + 28)} 16:00:00`,
        },
      });
      const low = a.index % 29 === 0 && k === 0 && a.index > 2;
      const good = a.index % 6 === 1;
      (['client', 'department', 'centre'] as RaterKind[]).forEach((raterKind, r) => {
        const s = a.index * 7 + k * 5 + r * 3;
        ratings.push({
          orderId: id,
          agencyIndex: a.index,
          raterKind,
          quality: mark(s, low, good),
          timeliness: mark(s + 1, low, good),
          attitude: mark(s + 2, low, good),
          fees: mark(s + 4, low, good),
          conduct: low ? 2 : 5 - (s % 2),
          comment: low ? '成果质量差，多次返工' : '',
        });
      });
    }
  }
  return { orders, ratings };
}

export const EXPULSION_REASONS = [
  ['false_result', '出具的评估报告关键数据造假，被行业主管部门查实'],
  ['late', '无正当理由超期三个月未交付服务成果'],
  ['overcharge', '收取费用超出合同约定金额'],
  ['false_result', '检测报告与现场实际不符'],
  ['late', '连续两次无故逾期且拒不整改'],
  ['overcharge', '以不正当手段承揽业务并额外收费'],
] as const;

/** Score, stars and counts of each agency from its approved ratings and bad acts (the formula of workflows/marketScore). */
export function scoresOf(agencies: readonly AgencySeed[], orders: readonly SeedOrder[], ratings: readonly SeedRating[], badActs: Map<number, number>) {
  const rated = new Map<number, SeedRating[]>();
  for (const r of ratings) rated.set(r.agencyIndex, [...(rated.get(r.agencyIndex) ?? []), r]);
  const completed = new Map<number, number>();
  for (const o of orders) completed.set(o.agencyIndex, (completed.get(o.agencyIndex) ?? 0) + 1);
  return agencies.map((a) => ({ ...agencyScore(rated.get(a.index) ?? [], SEED_WEIGHTS, badActs.get(a.index) ?? 0), completedOrders: completed.get(a.index) ?? 0 }));
}
