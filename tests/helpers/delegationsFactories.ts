import { buildCase } from './api';

/** 塘下镇 (瑞安市) and its seeded deed from 瑞安市市场监督管理局 (db/seed/delegations.ts). */
export const TANGXIA = {
  townCode: '330381101000',
  countyCode: '330381000000',
  deedNo: '瑞市监赋〔2016〕1号',
  /** The town centre's clerk, the town's market desk (by the deed), and the delegating bureau's reviewer. */
  clerk: 'clerk-330381101000',
  reviewer: 'reviewer.tangxia',
  countyReviewer: 'reviewer-330381000000-market',
  /** 食品经营许可（食品销售·新办）: village/town → county decides; delegated. */
  itemCode: '330300-XK-0001',
  /** 食品经营许可（食品销售·延续）: accepted at the county only; the deed lets the town accept it. */
  countyOnlyItemCode: '330300-XK-0007',
} as const;

/** 安阳街道, another town of 瑞安市 with no deed. */
export const ANYANG = { townCode: '330381001000', clerk: 'clerk-330381001000' } as const;

/** A filing of the delegated item at a centre (塘下镇's by default). */
export function buildDelegatedCase(overrides: Record<string, unknown> = {}) {
  return buildCase({ itemCode: TANGXIA.itemCode, centreCode: TANGXIA.townCode, ...overrides });
}

/** A new deed's body: 瑞安市 market delegating to 塘下镇 (change what the test is about). */
export function buildDeed(overrides: Record<string, unknown> = {}) {
  return {
    deedNo: `瑞市监赋〔2026〕${Math.floor(Math.random() * 1e6)}号`,
    department: 'market',
    townCode: TANGXIA.townCode,
    itemCodes: ['330300-XK-0002'],
    scope: ['accept', 'review', 'decide'],
    validFrom: '2026-01-01',
    validTo: '2028-12-31',
    publishedOn: '2025-12-20',
    ...overrides,
  };
}

export const deedPath = (deedNo: string) => `/api/delegations/${encodeURIComponent(deedNo)}`;
