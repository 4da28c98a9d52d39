import { fromDbTime } from '../../../db/connection';
import type { BadActView } from '../../../db/repositories/market/ratingQueries';
import { chinaDate } from '../../../workflows/calendar';
import { fieldsCsv } from '../../publicity/creditExport';

/**
 * The market's credit file for the city's credit platform: one record per bad
 * act of an agency (a legal person: its bad acts are public credit
 * information, DESIGN.md's personal-data rules concern natural persons). The
 * fields are documented in docs/market-ratings.md; a test holds the two together.
 */
export const BAD_ACT_NAMES: Record<string, string> = {
  late: '无正当理由逾期',
  false_result: '出具虚假成果',
  overcharge: '超合同收费',
  one_star: '综合评价一星',
  other: '其他失信行为',
};

export interface CreditField {
  key: string;
  name: string;
  value: (e: BadActView) => string;
}

export const MARKET_CREDIT_FIELDS: readonly CreditField[] = [
  { key: 'JLBH', name: '记录编号', value: (e) => e.decisionNo ?? '' },
  { key: 'XDR_MC', name: '中介机构名称', value: (e) => e.agencyName },
  { key: 'XDR_SHXYM', name: '统一社会信用代码', value: (e) => e.agencyUscc },
  { key: 'FDDBR', name: '法定代表人', value: (e) => e.legalRepresentative },
  { key: 'XWLB', name: '失信行为类别代码', value: (e) => e.kind },
  { key: 'XWLBMC', name: '失信行为类别', value: (e) => BAD_ACT_NAMES[e.kind] ?? e.kind },
  { key: 'XWNR', name: '失信行为内容', value: (e) => e.reason },
  { key: 'DDBH', name: '采购订单编号', value: (e) => e.orderNo ?? '' },
  { key: 'FWSXBM', name: '中介服务事项编码', value: (e) => e.serviceItemCode ?? '' },
  { key: 'RDDW', name: '认定单位', value: (e) => (e.recordedRole === 'department' ? '行业主管部门' : '中介管理服务中心') },
  { key: 'RDRQ', name: '认定日期', value: (e) => chinaDate(fromDbTime(e.createdAt)) },
  { key: 'SSDQ', name: '所属地区代码', value: (e) => e.agencyJurisdiction },
  { key: 'ZT', name: '记录状态', value: (e) => (e.repairedAt ? '2' : '1') },
];

export const MARKET_CREDIT_FORMAT = { name: 'wenzhou-market-credit', version: 1 } as const;

export const marketCreditCsv = (rows: readonly BadActView[]) => fieldsCsv(MARKET_CREDIT_FIELDS, rows);

/** The JSON file: an array of records keyed by the field codes (the same fields, in the same order, as the CSV). */
export function marketCreditJson(rows: readonly BadActView[]): Record<string, string>[] {
  return rows.map((e) => Object.fromEntries(MARKET_CREDIT_FIELDS.map((f) => [f.key, f.value(e)])));
}
