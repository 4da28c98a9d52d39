import type { ApplicantType } from '../../workflows/parties';

/**
 * Who may apply for an item (自然人 person, 法人/其他组织 organisation),
 * judged from its name: personal certificates, benefits and registrations
 * of a person's own status take persons only; licences and qualifications
 * only a company or institution can hold take organisations only; the rest
 * (a shop, a vehicle, a house, a tree: things a sole trader or a household
 * may hold as well as a company) take both.
 */
const PERSON_ONLY =
  /执业注册|建造师注册|执业药师注册|医师执业|护士执业|作业人员资格|从业资格|驾驶证|居民身份证|居住证|户口|出生登记|婚姻登记|收养登记|生育|计划生育|独生子女|预防接种|最低生活保障|特困人员|临时救助|低收入家庭|残疾人|高龄津贴|殡葬服务费用|孤儿|老年人优待|城乡居民|就业失业|就业创业|灵活就业|失业保险金|被征地农民|职业技能等级|劳动能力鉴定|宅基地|教师资格|入学|学生生活补助|学前教育资助|出入境|养犬|公共租赁住房/;

const ORGANISATION_ONLY =
  /企业|公司|合伙|连锁门店|单位|机构|资质|社会组织|慈善组织|药品生产|化妆品生产|医疗器械生产|特殊食品生产|批发|经营许可（中外合资）|人力资源服务|劳务派遣|办学|项目|稳岗|社会保险登记|危险|民用爆炸|剧毒|港口|采矿|探矿|排污|建筑工程施工|商品房预售|燃气|拍卖|旅行社|广播电视|卫星|应急预案|排水|供水|医疗机构|放射诊疗|母婴保健|辐射安全|职业卫生/;

/** Sole traders (个体工商户) and individual businesses may file these even though the name says 企业 or 单位. */
const SOLE_TRADER = /个体工商户|个人独资企业|单体药店/;

export function applicantTypesFor(itemName: string): ApplicantType[] {
  if (PERSON_ONLY.test(itemName)) return ['person'];
  if (SOLE_TRADER.test(itemName)) return ['person', 'organisation'];
  if (ORGANISATION_ONLY.test(itemName)) return ['organisation'];
  return ['person', 'organisation'];
}
