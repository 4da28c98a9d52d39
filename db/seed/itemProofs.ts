import type { ItemProof } from '../repositories/commitments/proofs';

/**
 * The proof lists (证明事项清单) of a few demo items: per proof its legal
 * basis (设定依据), the unit that asks for it (索要单位), the unit that issues
 * it (开具单位), and whether a written commitment (告知承诺) may replace it,
 * with the commitment's format text (承诺书格式文本).
 *
 * Sources (../shared/SEED-SERVICES.md §4): 国办发〔2020〕42号 (告知承诺制);
 * 优化营商环境条例 Art. 44 (no proof outside the list); exclusions for public
 * safety, life and health: a health certificate is never replaced by a
 * commitment. The units and the texts are this project's choice. In a
 * template, {applicant} and {proof} are filled in at filing.
 */
export type ProofSeed = ItemProof & { itemCode: string };

const PREMISES_TEMPLATE =
  '本人（本单位）{applicant}郑重承诺：所申报的经营场所合法使用，权属清晰，无争议，可作为{proof}所证明之事实的依据。本人（本单位）知晓行政机关将对承诺内容进行核查；如承诺不实，愿承担终止办理、撤销决定等法律责任，并记入信用记录。';

const premises = (itemCode: string, requestingUnit: string): ProofSeed => ({
  itemCode,
  name: '经营场所使用证明',
  legalBasis: '《中华人民共和国市场主体登记管理条例》第十七条；《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）',
  requestingUnit,
  issuingUnit: '不动产登记机构（产权证明）或村（居）民委员会（无产权证明的场所）',
  commitmentAllowed: true,
  commitmentTemplate: PREMISES_TEMPLATE,
});

const health = (itemCode: string, name: string, requestingUnit: string, basis: string): ProofSeed => ({
  itemCode,
  name,
  legalBasis: basis,
  requestingUnit,
  issuingUnit: '县级以上疾病预防控制机构或医疗机构',
  commitmentAllowed: false,
  commitmentTemplate: null,
});

export const ITEM_PROOFS: readonly ProofSeed[] = [
  // 药品零售企业许可（单体药店·新办）: the demo city item.
  premises('330300-XK-0013', '温州市市场监督管理局'),
  // 食品经营许可（食品销售·新办）
  premises('330300-XK-0001', '鹿城区市场监督管理局'),
  health('330300-XK-0001', '食品安全管理人员健康证明', '鹿城区市场监督管理局', '《中华人民共和国食品安全法》第四十五条'),
  // 公共场所卫生许可（住宿场所·新办）
  premises('330300-XK-0168', '鹿城区卫生健康局'),
  health('330300-XK-0168', '从业人员健康合格证明', '鹿城区卫生健康局', '《公共场所卫生管理条例》第七条'),
];
