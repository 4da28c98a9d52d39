/**
 * The catalogue of certificates that village (community) committees and town
 * offices issue online (网上证明, issue 11 part 4), and the catalogue items
 * that name one of them among their materials.
 *
 * Chosen among what committees still issue after the 2018–2019 clean-up of
 * certificates (证明事项清理): residence, kinship, a family's economic
 * situation (for social assistance), being alive (for pension payments),
 * homestead use and farming. 无犯罪记录证明 is the police's and stays out.
 * Where the town's office checks the facts as well (the civil affairs office
 * for assistance, the natural resources office for land, the town for
 * kinship that decides a benefit), `needsTown` is true.
 */
export interface CertificateKind {
  /** Stable code of the kind. */
  code: string;
  name: string;
  nameEn: string;
  /** The 3-digit serial of the kind in its 证照类型代码 (GB/T 36904). */
  typeSerial: string;
  /** Whether the town's office reviews after the village committee. */
  needsTown: boolean;
  /** The legal basis the certificate is issued under. */
  legalBasis: string;
  /** What the applicant shows or uploads when asking for it. */
  materials: string[];
  /** How long the certificate is valid for, in days from issue. */
  validDays: number;
  /** The statement the certificate makes; {name} and {place} are filled in. */
  statement: string;
}

export const CERTIFICATE_KINDS: readonly CertificateKind[] = [
  {
    code: 'JZZM',
    name: '居住证明',
    nameEn: 'Certificate of residence',
    typeSerial: '101',
    needsTown: false,
    legalBasis: '《中华人民共和国村民委员会组织法》第二条；《居住证暂行条例》第九条',
    materials: ['居民身份证', '户口簿或房屋租赁合同'],
    validDays: 90,
    statement: '兹证明{name}现居住于{place}辖区内，情况属实。',
  },
  {
    code: 'QSGX',
    name: '亲属关系证明',
    nameEn: 'Certificate of kinship',
    typeSerial: '102',
    needsTown: true,
    legalBasis: '《中华人民共和国村民委员会组织法》第二条；《中华人民共和国民法典》第一千零四十五条',
    materials: ['居民身份证', '户口簿', '亲属的居民身份证'],
    validDays: 90,
    statement: '兹证明{name}与证明事由所述人员的亲属关系经{place}核实属实。',
  },
  {
    code: 'JTJJ',
    name: '家庭经济状况证明',
    nameEn: 'Certificate of family economic situation',
    typeSerial: '103',
    needsTown: true,
    legalBasis: '《社会救助暂行办法》第十一条、第四十七条；《浙江省社会救助条例》第十五条',
    materials: ['居民身份证', '户口簿', '家庭收入及财产状况声明'],
    validDays: 180,
    statement: '兹证明{name}家庭经济状况经{place}入户调查核实，情况属实。',
  },
  {
    code: 'SCZM',
    name: '生存状况证明',
    nameEn: 'Certificate of being alive (for pension payments)',
    typeSerial: '104',
    needsTown: false,
    legalBasis: '《中华人民共和国村民委员会组织法》第二条；《城乡居民基本养老保险经办规程》第三十五条',
    materials: ['居民身份证'],
    validDays: 90,
    statement: '兹证明{name}现健在，居住于{place}辖区内。',
  },
  {
    code: 'ZJDZM',
    name: '宅基地使用情况证明',
    nameEn: 'Certificate of homestead use',
    typeSerial: '105',
    needsTown: true,
    legalBasis: '《中华人民共和国土地管理法》第六十二条；《不动产登记暂行条例实施细则》第四十条',
    materials: ['居民身份证', '户口簿', '宅基地批准文件或四至说明'],
    validDays: 180,
    statement: '兹证明{name}在{place}辖区内的宅基地使用情况经核实属实，符合“一户一宅”规定。',
  },
  {
    code: 'WNZM',
    name: '从事农业生产证明',
    nameEn: 'Certificate of farming',
    typeSerial: '106',
    needsTown: false,
    legalBasis: '《中华人民共和国农村土地承包法》第五条；《中华人民共和国村民委员会组织法》第二条',
    materials: ['居民身份证', '土地承包经营权证或流转合同'],
    validDays: 180,
    statement: '兹证明{name}在{place}辖区内从事农业生产，情况属实。',
  },
];

/** Items that name a certificate among their materials: attached by reference once the platform issued it. */
export const ITEM_CERTIFICATE_NEEDS: readonly { itemCode: string; kindCode: string }[] = [
  // 药品零售企业许可（单体药店·新办）: the demo item of the linked route (DEMO.cityItemCode).
  { itemCode: '330300-XK-0013', kindCode: 'JZZM' },
  // 特困人员救助供养, 临时救助: the family's economic situation.
  { itemCode: '330300-JF-0013', kindCode: 'JTJJ' },
  { itemCode: '330300-JF-0017', kindCode: 'JTJJ' },
  { itemCode: '330300-JF-0018', kindCode: 'JTJJ' },
  // 城乡居民养老保险待遇领取（恢复）: being alive.
  { itemCode: '330300-JF-0036', kindCode: 'SCZM' },
  // 宅基地使用权首次登记: homestead use, in place of a paper 村民委员会证明.
  { itemCode: '330300-QR-0007', kindCode: 'ZJDZM' },
];
