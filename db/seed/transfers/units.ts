/**
 * The 50 city units that transfer functions (职能转移单位): names of Wenzhou's
 * city departments, 参公 institutions and fiscally funded mass organisations
 * around 2014 (温政办〔2014〕127号: those are the transferors). The seed report
 * gives only the totals (252 functions of 50 units, 41 units with 216 in an
 * implementation plan, 141 agreements of 22 units); which unit holds how many
 * is ours (docs/transfers.md). `domain` names what the unit's functions are about.
 */
export interface TransferUnitSeed {
  code: string;
  name: string;
  kind: 'department' | 'institution' | 'mass_org';
  domain: string;
}

const D = 'department';
const I = 'institution';
const M = 'mass_org';

const UNITS: [string, TransferUnitSeed['kind'], string][] = [
  ['温州市经济和信息化委员会', D, '工业经济'],
  ['温州市商务局', D, '商贸流通'],
  ['温州市科学技术局', D, '科技'],
  ['温州市人力资源和社会保障局', D, '人力资源'],
  ['温州市民政局', D, '社会福利'],
  ['温州市住房和城乡建设委员会', D, '建筑业'],
  ['温州市发展和改革委员会', D, '投资咨询'],
  ['温州市教育局', D, '教育'],
  ['温州市卫生和计划生育委员会', D, '医疗卫生'],
  ['温州市文化广电新闻出版局', D, '文化'],
  ['温州市交通运输局', D, '交通运输'],
  ['温州市农业局', D, '农业'],
  ['温州市环境保护局', D, '环境保护'],
  ['温州市质量技术监督局', D, '质量标准'],
  ['温州市工商行政管理局', D, '市场主体'],
  ['温州市旅游局', D, '旅游'],
  ['温州市体育局', D, '体育'],
  ['温州市司法局', D, '法律服务'],
  ['温州市财政局', D, '会计'],
  ['温州市国土资源局', D, '国土测绘'],
  ['温州市海洋与渔业局', D, '海洋渔业'],
  ['温州市林业局', D, '林业'],
  ['温州市水利局', D, '水利'],
  ['温州市规划局', D, '城乡规划'],
  ['温州市城市管理与行政执法局', D, '市容环卫'],
  ['温州市食品药品监督管理局', D, '食品药品'],
  ['温州市安全生产监督管理局', D, '安全生产'],
  ['温州市统计局', D, '统计调查'],
  ['温州市物价局', D, '价格'],
  ['温州市审计局', D, '内部审计'],
  ['温州市外事与侨务办公室', D, '侨务'],
  ['温州市民族宗教事务局', D, '民族宗教'],
  ['温州市金融工作办公室', D, '地方金融'],
  ['温州市人民防空办公室', D, '人防工程'],
  ['温州市粮食局', D, '粮食流通'],
  ['温州市经济技术协作办公室', D, '经济协作'],
  ['温州市机关事务管理局', D, '公共机构节能'],
  ['温州市档案局', I, '档案'],
  ['温州市供销合作社', I, '供销'],
  ['温州市地方志办公室', I, '地方志'],
  ['温州市公共资源交易管理办公室', I, '公共资源交易'],
  ['温州市住房公积金管理中心', I, '住房公积金'],
  ['温州市总工会', M, '职工服务'],
  ['共青团温州市委员会', M, '青少年服务'],
  ['温州市妇女联合会', M, '妇女儿童'],
  ['温州市科学技术协会', M, '科普'],
  ['温州市工商业联合会', M, '民营经济'],
  ['温州市残疾人联合会', M, '残疾人服务'],
  ['温州市文学艺术界联合会', M, '文艺'],
  ['温州市归国华侨联合会', M, '归侨侨眷'],
];

export function buildTransferUnits(): TransferUnitSeed[] {
  return UNITS.map(([name, kind, domain], i) => ({ code: `ZY${String(i + 1).padStart(3, '0')}`, name, kind, domain }));
}
