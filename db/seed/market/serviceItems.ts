/**
 * The 121 intermediary service items Wenzhou kept for approvals (涉批中介服务事项):
 * surveys, assessments, drawings and tests an approval needs. Each names the
 * department whose approvals need it, the qualification an agency must hold,
 * and whether the government commissions and pays (政府委托, the service's time
 * then counts on the government's side of a project's clock). Deterministic.
 */
export const SERVICE_CATEGORIES = ['assessment', 'survey', 'design', 'testing', 'consulting', 'appraisal'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export interface ServiceItemSeed {
  code: string;
  name: string;
  category: ServiceCategory;
  department: string;
  governmentPaid: boolean;
  description: string;
  requiredQualification: string;
}

type Row = [department: string, category: ServiceCategory, name: string, qualification: string, governmentPaid?: 1];

// prettier-ignore
const ROWS: Row[] = [
  ['resources', 'assessment', '地质灾害危险性评估', '地质灾害危险性评估资质', 1],
  ['resources', 'survey', '房产测绘', '测绘资质（不动产测绘）'],
  ['resources', 'survey', '地形图测绘', '测绘资质（工程测量）'],
  ['resources', 'survey', '建设工程规划放线测量', '测绘资质（工程测量）'],
  ['resources', 'survey', '竣工测量', '测绘资质（工程测量）'],
  ['resources', 'survey', '宗地测绘（勘测定界）', '测绘资质（不动产测绘）', 1],
  ['resources', 'survey', '土地勘测定界报告编制', '测绘资质（不动产测绘）', 1],
  ['resources', 'consulting', '建设项目用地预审与选址论证报告编制', '土地规划咨询能力评价'],
  ['resources', 'consulting', '土地复垦方案编制', '土地规划咨询能力评价'],
  ['resources', 'consulting', '矿产资源开发利用方案编制', '地质勘查资质'],
  ['resources', 'assessment', '矿山地质环境保护与土地复垦方案编制', '地质勘查资质'],
  ['resources', 'survey', '地质勘查报告编制', '地质勘查资质'],
  ['resources', 'assessment', '压覆重要矿产资源评估', '地质勘查资质', 1],
  ['resources', 'consulting', '城乡规划编制（修建性详细规划）', '城乡规划编制资质'],
  ['resources', 'design', '建设工程设计方案编制', '工程设计资质'],
  ['resources', 'assessment', '建设项目节地评价', '土地规划咨询能力评价', 1],
  ['resources', 'survey', '地籍调查', '测绘资质（不动产测绘）'],
  ['resources', 'consulting', '土地价格评估', '土地估价机构备案'],
  ['housing', 'design', '建设工程施工图审查', '施工图审查机构认定', 1],
  ['housing', 'survey', '岩土工程勘察', '工程勘察资质'],
  ['housing', 'design', '建筑工程设计', '工程设计资质'],
  ['housing', 'testing', '建设工程质量检测', '建设工程质量检测机构资质'],
  ['housing', 'testing', '建筑节能检测', '建设工程质量检测机构资质'],
  ['housing', 'testing', '房屋安全鉴定', '房屋安全鉴定机构备案'],
  ['housing', 'assessment', '桥梁安全评估', '工程设计资质（市政行业）'],
  ['housing', 'testing', '消防设施检测', '消防技术服务机构备案'],
  ['housing', 'assessment', '消防安全评估', '消防技术服务机构备案'],
  ['housing', 'consulting', '工程造价咨询', '工程造价咨询企业备案'],
  ['housing', 'consulting', '招标代理', '招标代理机构备案'],
  ['housing', 'consulting', '工程监理', '工程监理资质'],
  ['housing', 'testing', '建筑起重机械检验检测', '特种设备检验检测机构核准'],
  ['housing', 'testing', '室内环境污染物检测', '检验检测机构资质认定（CMA）'],
  ['housing', 'design', '人防工程施工图审查', '人防工程设计资质', 1],
  ['housing', 'testing', '白蚁防治', '白蚁防治单位备案'],
  ['housing', 'appraisal', '房地产价格评估', '房地产估价机构备案'],
  ['housing', 'survey', '建筑面积测算', '测绘资质（不动产测绘）'],
  ['housing', 'assessment', '城市燃气工程安全评估', '安全评价机构资质'],
  ['environment', 'assessment', '环境影响评价报告书编制', '环境影响评价信用平台登记'],
  ['environment', 'assessment', '环境影响评价报告表编制', '环境影响评价信用平台登记'],
  ['environment', 'consulting', '排污许可技术服务', '环境咨询能力评价'],
  ['environment', 'testing', '环境监测', '检验检测机构资质认定（CMA）'],
  ['environment', 'assessment', '建设项目竣工环境保护验收监测', '检验检测机构资质认定（CMA）'],
  ['environment', 'assessment', '土壤污染状况调查', '环境咨询能力评价', 1],
  ['environment', 'assessment', '突发环境事件应急预案编制', '环境咨询能力评价'],
  ['environment', 'assessment', '辐射环境影响评价', '环境影响评价信用平台登记'],
  ['environment', 'consulting', '清洁生产审核', '环境咨询能力评价'],
  ['environment', 'testing', '危险废物鉴别', '检验检测机构资质认定（CMA）'],
  ['environment', 'assessment', '规划环境影响评价', '环境影响评价信用平台登记', 1],
  ['water', 'consulting', '水土保持方案编制', '水土保持方案编制单位水平评价'],
  ['water', 'assessment', '水资源论证', '水资源论证能力评价'],
  ['water', 'assessment', '防洪影响评价', '水利工程设计资质'],
  ['water', 'assessment', '涉河建设项目防洪评价', '水利工程设计资质'],
  ['water', 'testing', '水土保持监测', '水土保持监测单位水平评价'],
  ['water', 'assessment', '水土保持设施验收报告编制', '水土保持方案编制单位水平评价'],
  ['water', 'assessment', '入河排污口设置论证', '水资源论证能力评价'],
  ['water', 'testing', '水质检测', '检验检测机构资质认定（CMA）'],
  ['water', 'assessment', '水工程规划同意书论证', '水利工程设计资质', 1],
  ['water', 'survey', '水利工程测量', '测绘资质（工程测量）'],
  ['emergency', 'assessment', '安全预评价', '安全评价机构资质'],
  ['emergency', 'assessment', '安全验收评价', '安全评价机构资质'],
  ['emergency', 'assessment', '安全现状评价', '安全评价机构资质'],
  ['emergency', 'assessment', '安全评价', '安全评价机构资质'],
  ['emergency', 'design', '安全设施设计专篇编制', '工程设计资质'],
  ['emergency', 'consulting', '生产安全事故应急预案编制', '安全生产技术服务能力'],
  ['emergency', 'testing', '职业病危害因素检测', '职业卫生技术服务机构资质'],
  ['emergency', 'assessment', '重大危险源安全评估', '安全评价机构资质'],
  ['emergency', 'testing', '防爆电气检测', '安全生产检测检验机构资质'],
  ['emergency', 'consulting', '危险化学品登记技术服务', '安全生产技术服务能力'],
  ['emergency', 'assessment', '防雷装置设计技术评价', '雷电防护装置检测资质'],
  ['emergency', 'testing', '防雷装置检测', '雷电防护装置检测资质'],
  ['emergency', 'assessment', '雷电灾害风险评估', '雷电防护装置检测资质', 1],
  ['drc', 'assessment', '节能评估', '工程咨询单位资信评价'],
  ['drc', 'consulting', '项目可行性研究报告编制', '工程咨询单位资信评价'],
  ['drc', 'consulting', '项目申请报告编制', '工程咨询单位资信评价'],
  ['drc', 'consulting', '项目建议书编制', '工程咨询单位资信评价'],
  ['drc', 'assessment', '社会稳定风险评估', '工程咨询单位资信评价', 1],
  ['drc', 'assessment', '固定资产投资项目评估', '工程咨询单位资信评价', 1],
  ['drc', 'consulting', '资金申请报告编制', '工程咨询单位资信评价'],
  ['transport', 'assessment', '交通影响评价', '交通影响评价能力评价'],
  ['transport', 'assessment', '公路安全评价', '公路工程设计资质'],
  ['transport', 'assessment', '涉路工程安全评价', '公路工程设计资质'],
  ['transport', 'assessment', '通航安全影响论证', '水运工程设计资质'],
  ['transport', 'assessment', '航道通航条件影响评价', '水运工程设计资质', 1],
  ['transport', 'assessment', '港口安全评价', '安全评价机构资质'],
  ['transport', 'testing', '公路桥梁检测', '公路水运工程试验检测机构资质'],
  ['transport', 'testing', '公路工程试验检测', '公路水运工程试验检测机构资质'],
  ['transport', 'design', '公路工程设计', '公路工程设计资质'],
  ['market', 'testing', '特种设备检验检测', '特种设备检验检测机构核准'],
  ['market', 'appraisal', '特种设备鉴定评审', '特种设备鉴定评审机构核准'],
  ['market', 'testing', '计量器具检定校准', '计量授权证书'],
  ['market', 'testing', '食品检验检测', '检验检测机构资质认定（CMA）'],
  ['market', 'testing', '产品质量检验', '检验检测机构资质认定（CMA）'],
  ['market', 'consulting', '质量管理体系认证', '认证机构批准书'],
  ['market', 'appraisal', '资产评估', '资产评估机构备案'],
  ['market', 'consulting', '验资与审计报告', '会计师事务所执业证书'],
  ['market', 'testing', '电梯检验', '特种设备检验检测机构核准'],
  ['market', 'testing', '压力容器检验', '特种设备检验检测机构核准'],
  ['health', 'assessment', '放射防护评价', '放射卫生技术服务机构资质'],
  ['health', 'assessment', '职业病危害预评价', '职业卫生技术服务机构资质'],
  ['health', 'assessment', '职业病危害控制效果评价', '职业卫生技术服务机构资质'],
  ['health', 'testing', '公共场所卫生检测', '检验检测机构资质认定（CMA）'],
  ['health', 'testing', '生活饮用水卫生检测', '检验检测机构资质认定（CMA）'],
  ['health', 'assessment', '建设项目卫生学评价', '检验检测机构资质认定（CMA）'],
  ['health', 'testing', '放射诊疗设备性能检测', '放射卫生技术服务机构资质'],
  ['health', 'testing', '医疗机构污水检测', '检验检测机构资质认定（CMA）'],
  ['agri', 'assessment', '农业建设项目可行性评估', '工程咨询单位资信评价', 1],
  ['agri', 'testing', '农产品质量安全检测', '检验检测机构资质认定（CMA）'],
  ['agri', 'assessment', '使用林地可行性报告编制', '林业调查规划设计资质'],
  ['agri', 'testing', '动物防疫条件评估', '检验检测机构资质认定（CMA）'],
  ['agri', 'assessment', '渔业资源影响评价', '环境影响评价信用平台登记'],
  ['culture', 'assessment', '文物影响评估', '文物保护工程勘察设计资质', 1],
  ['culture', 'survey', '考古调查勘探', '考古发掘资质', 1],
  ['culture', 'testing', '娱乐场所声环境检测', '检验检测机构资质认定（CMA）'],
  ['police', 'testing', '安全技术防范系统检测', '检验检测机构资质认定（CMA）'],
  ['police', 'design', '技防工程设计方案编制', '安全技术防范设计能力评价'],
  ['commerce', 'assessment', '加油站布局规划论证', '工程咨询单位资信评价'],
  ['education', 'testing', '校舍安全鉴定', '房屋安全鉴定机构备案', 1],
  ['urban', 'assessment', '户外广告设施安全检测', '建设工程质量检测机构资质'],
  ['urban', 'consulting', '城市绿化工程设计', '风景园林工程设计资质'],
  ['civil', 'assessment', '养老机构消防安全评估', '消防技术服务机构备案'],
  ['hrss', 'consulting', '劳动能力鉴定技术服务', '医疗机构执业许可', 1],
];

export const SERVICE_ITEM_COUNT = 121;

const DESCRIPTION: Record<ServiceCategory, string> = {
  assessment: '按相关技术规范开展评估（评价）并出具报告，作为审批的技术依据',
  survey: '按测绘（勘察）规范实地作业并出具成果报告',
  design: '编制（审查）设计文件并出具合格意见',
  testing: '按标准检验检测并出具带资质标识的检测报告',
  consulting: '编制审批所需的技术文本或方案',
  appraisal: '按评估（鉴定）准则出具鉴定意见或评估报告',
};

export function buildServiceItems(): ServiceItemSeed[] {
  if (ROWS.length !== SERVICE_ITEM_COUNT) throw new Error(`service items: ${ROWS.length}, expected ${SERVICE_ITEM_COUNT}`);
  return ROWS.map(([department, category, name, qualification, paid], i) => ({
    code: `ZJFW${String(i + 1).padStart(3, '0')}`,
    name,
    category,
    department,
    governmentPaid: paid === 1,
    description: `${name}：${DESCRIPTION[category]}${paid === 1 ? '（政府委托并付费）' : '（项目业主委托并付费）'}`,
    requiredQualification: qualification,
  }));
}
