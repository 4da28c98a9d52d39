/**
 * The first batch of the online licence pilot (证照网上办理一条龙): the items
 * whose licence is issued and delivered without the applicant coming in.
 *
 * Source: the seed report (../shared/seed/000_c5a6bc37fbc3ba83.txt, Wenzhou's
 * "Internet + approval" reform): "证照网上办理一条龙服务。选取市运管局等4部门22项
 * 事项作为第一批试点办证事项，至今已办理并送达件6043件，为群众提供'足不出户'的
 * 政务服务" — and DESIGN.md's table (online licence pilot: 4 / 22 / 6,043).
 *
 * The report names one department only, 市运管局 (the city's road transport
 * administration, under the 交通运输局: `transport` here). The other three,
 * and the 22 items, are this project's choice among the seeded catalogue's
 * city-level items (the report's departments are city bodies, "市…局") whose
 * result is a licence or certificate (a route with an ISSUE step) and which
 * make one: no 注销 variant. All are decided at the city and accepted at a
 * village or town centre (linked) or at the city centre.
 */
export interface PilotItem {
  code: string;
  /** The item's name in the seeded catalogue (a unit test keeps them in step). */
  name: string;
  department: string;
}

/** What the report says of the pilot: departments, items, licences delivered. */
export const PILOT_FACTS = { departments: 4, items: 22, delivered: 6043 } as const;

export const E_LICENCE_PILOT: readonly PilotItem[] = [
  // 交通运输局 (市运管局, named by the report)
  { code: '330300-XK-0393', name: '道路货物运输经营许可（普通货物运输·新办）', department: 'transport' },
  { code: '330300-XK-0399', name: '道路货物运输经营许可（普通货物运输·延续）', department: 'transport' },
  { code: '330300-XK-0405', name: '道路运输从业人员从业资格证（货运驾驶员·核发）', department: 'transport' },
  { code: '330300-XK-0406', name: '道路运输从业人员从业资格证（客运驾驶员·核发）', department: 'transport' },
  { code: '330300-XK-0407', name: '道路运输从业人员从业资格证（出租汽车驾驶员·核发）', department: 'transport' },
  { code: '330300-XK-0408', name: '道路运输从业人员从业资格证（货运驾驶员·换证）', department: 'transport' },
  { code: '330300-XK-0420', name: '道路旅客运输经营许可（班车客运·新办）', department: 'transport' },
  { code: '330300-XK-0432', name: '网络预约出租汽车运输证（新办）', department: 'transport' },
  // 市场监督管理局
  { code: '330300-XK-0013', name: '药品零售企业许可（单体药店·新办）', department: 'market' },
  { code: '330300-XK-0017', name: '药品零售企业许可（单体药店·延续）', department: 'market' },
  { code: '330300-XK-0087', name: '第三类医疗器械经营许可（新办）', department: 'market' },
  { code: '330300-XK-0120', name: '特种设备作业人员资格认定（叉车司机·取证）', department: 'market' },
  { code: '330300-XK-0121', name: '特种设备作业人员资格认定（电梯安全管理·取证）', department: 'market' },
  // 卫生健康委员会
  { code: '330300-XK-0239', name: '医疗机构执业登记（二级医院·校验）', department: 'health' },
  { code: '330300-XK-0247', name: '放射诊疗许可（X射线影像诊断·新办）', department: 'health' },
  { code: '330300-XK-0255', name: '放射诊疗许可（X射线影像诊断·校验）', department: 'health' },
  { code: '330300-XK-0259', name: '饮用水供水单位卫生许可（新办）', department: 'health' },
  { code: '330300-XK-0261', name: '饮用水供水单位卫生许可（延续）', department: 'health' },
  // 人力资源和社会保障局
  { code: '330300-XK-0497', name: '劳务派遣经营许可（新办）', department: 'hrss' },
  { code: '330300-XK-0499', name: '劳务派遣经营许可（延续）', department: 'hrss' },
  { code: '330300-GG-0043', name: '职业技能等级认定（中级工）', department: 'hrss' },
  { code: '330300-GG-0044', name: '职业技能等级认定（高级工）', department: 'hrss' },
];

export const E_LICENCE_PILOT_CODES: readonly string[] = E_LICENCE_PILOT.map((p) => p.code);

/** The pilot's departments, in the list's order. */
export const PILOT_DEPARTMENTS: readonly string[] = [...new Set(E_LICENCE_PILOT.map((p) => p.department))];
