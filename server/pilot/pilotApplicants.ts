/**
 * Who files the pilot year's cases and where their licences go: persons with
 * valid resident ID numbers (GB 11643) and legal persons with valid credit
 * codes (GB 32100) from the county of the centre they file at, a postal
 * address there, and how the licence is delivered: by post (EMS, with a UPU
 * S10 waybill whose check digit holds) or electronically. Deterministic for a
 * given random source; names are invented.
 */
import type { ItemRow } from '../../db/repositories/items';
import type { StaffedCentre } from '../../db/repositories/pilotYear';
import type { DeliveryMode } from '../../workflows/caseEvents';
import { idNumberCheckChar, usccCheckChar, USCC_CHARSET } from '../../workflows/identity';
import { isValidWaybill, s10CheckDigit } from '../../workflows/postalWaybill';
import type { FilingApplicant } from '../commands/fileCaseParties';

/**
 * Share of licences posted (the rest delivered electronically, the e-licence
 * alone). The report gives only the total delivered without a visit; this
 * split is the generator's assumption.
 */
export const POST_SHARE = 0.6;

const SURNAMES = [...'陈林王张李黄周吴郑金潘叶徐朱胡杨蔡池戴谢刘赵孙项'];
const GIVEN = ['建国', '丽华', '晓燕', '志强', '海峰', '雅琴', '永明', '卫东', '秀英', '国平', '美玲', '伟', '静', '磊', '敏', '杰', '婷', '浩然', '子涵', '晨', '欣怡', '俊杰', '海燕', '春华', '文斌', '建华', '素芬', '立新'];
const TRADE_WORDS = ['恒通', '瓯江', '华安', '鼎盛', '永信', '东方', '新华', '康宁', '安泰', '宏达', '百岁', '瑞祥', '信达', '南塘', '江心', '雁荡'];
const ROADS = ['人民路', '解放路', '府前街', '学院路', '车站大道', '飞霞路', '黎明路', '锦绣路', '新城大道', '滨江路', '环城路', '胜利路'];

/** An organisation's kind of name by what its item licenses. */
const ORG_SUFFIXES: [RegExp, string][] = [
  [/供水/, '供水有限公司'],
  [/医疗机构|放射/, '医院'],
  [/药品/, '大药房'],
  [/医疗器械/, '医疗器械有限公司'],
  [/劳务派遣/, '人力资源有限公司'],
  [/旅客|客运|出租/, '客运有限公司'],
  [/货物|运输/, '物流有限公司'],
];

export interface PilotFiling {
  applicant: FilingApplicant;
  delivery: { mode: Extract<DeliveryMode, 'post' | 'electronic'>; address?: string };
}

/** The S10 number an EMS item is posted under: 'EA', 8 digits, the check digit, 'CN'. */
export function emsWaybill(serial: number): string {
  const digits = String(serial % 100_000_000).padStart(8, '0');
  const waybill = `EA${digits}${s10CheckDigit(digits)}CN`;
  if (!isValidWaybill(waybill)) throw new Error(`not a valid S10 waybill: ${waybill}`);
  return waybill;
}

export class PilotApplicants {
  constructor(private readonly rand: () => number) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  private digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.rand() * 10));
    return s;
  }

  personName(): string {
    return this.pick(SURNAMES) + this.pick(GIVEN);
  }

  phone(): string {
    return `1${this.pick(['3', '5', '8'])}${this.digits(9)}`;
  }

  /** A resident ID number of someone born 1962–1998 and registered in `area` (6 digits). */
  idNumber(area: string): string {
    const y = 1962 + Math.floor(this.rand() * 37);
    const m = 1 + Math.floor(this.rand() * 12);
    const d = 1 + Math.floor(this.rand() * 28);
    const first17 = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${this.digits(3)}`;
    return first17 + idNumberCheckChar(first17);
  }

  /** A credit code: registering body and kind ('91' a company, '52' a private non-enterprise unit), area, 9 characters, check. */
  uscc(kind: '91' | '52', area: string): string {
    let body = '';
    for (let i = 0; i < 9; i++) body += this.pick([...USCC_CHARSET]);
    const first17 = `${kind}${area}${body}`;
    return first17 + usccCheckChar(first17)!;
  }

  /** A street address at `home` (place names from the city down). */
  address(home: StaffedCentre): string {
    return `浙江省${home.places.join('')}${this.pick(ROADS)}${1 + Math.floor(this.rand() * 300)}号`;
  }

  /** The applicant of an item's case, living (or registered) at `home`, and how the licence reaches them. */
  filing(item: ItemRow, home: StaffedCentre): PilotFiling {
    const area = home.code.slice(0, 6);
    const type = item.applicantTypes.length > 1 ? (this.rand() < 0.5 ? 'person' : 'organisation') : item.applicantTypes[0]!;
    const county = (home.places[1] ?? '温州').replace(/[区市县]$/, '');
    const suffix = ORG_SUFFIXES.find(([re]) => re.test(item.name))?.[1] ?? '有限公司';
    const applicant: FilingApplicant =
      type === 'person'
        ? { type: 'person', name: this.personName(), phone: this.phone(), idNumber: this.idNumber(area) }
        : {
            type: 'organisation',
            name: `温州${county}${this.pick(TRADE_WORDS)}${suffix}`,
            phone: this.phone(),
            uscc: this.uscc(suffix === '医院' ? '52' : '91', area),
            legalRepresentative: this.personName(),
          };
    const delivery: PilotFiling['delivery'] = this.rand() < POST_SHARE ? { mode: 'post', address: this.address(home) } : { mode: 'electronic' };
    return { applicant, delivery };
  }
}
