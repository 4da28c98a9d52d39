import { competentCourt, decidingBody, reviewBody, rightsNotice, type Place } from '../../workflows/rightsNotice';

const ZJ: Place = { code: '330000000000', name: '浙江省', nameEn: 'Zhejiang', level: 'province' };
const WZ: Place = { code: '330300000000', name: '温州市', nameEn: 'Wenzhou', level: 'city' };
const LC: Place = { code: '330302000000', name: '鹿城区', nameEn: 'Lucheng District', level: 'county' };
const RA: Place = { code: '330381000000', name: '瑞安市', nameEn: "Rui'an", level: 'county' };
const YJ: Place = { code: '330324000000', name: '永嘉县', nameEn: 'Yongjia County', level: 'county' };
const WM: Place = { code: '330302006000', name: '五马街道', nameEn: 'Wuma Subdistrict', level: 'town' };
const AL: Place = { code: '330302006001', name: '安澜社区', nameEn: '', level: 'village' };
const HZ: Place = { code: '330100000000', name: '杭州市', nameEn: 'Hangzhou', level: 'city' };

const market = { code: 'market', name: '市场监督管理局', nameEn: 'Administration for Market Regulation' };
const resources = { code: 'resources', name: '自然资源和规划局', nameEn: 'Bureau of Natural Resources and Planning' };
const tax = { code: 'tax', name: '税务局', nameEn: 'Tax Bureau' };

describe('复议机关 by the jurisdiction tree (行政复议法 2023 Art. 24, 27)', () => {
  it('a district department is reviewed by the district government, a county-level city’s by its own', () => {
    expect(reviewBody({ chain: [LC, WZ, ZJ], department: market }).name).toBe('温州市鹿城区人民政府');
    expect(reviewBody({ chain: [RA, WZ, ZJ], department: market }).name).toBe('瑞安市人民政府');
    expect(reviewBody({ chain: [YJ, WZ, ZJ], department: resources }).name).toBe('永嘉县人民政府');
  });

  it('a city department by the city government, a province department by the province government', () => {
    expect(reviewBody({ chain: [WZ, ZJ], department: market }).name).toBe('温州市人民政府');
    expect(reviewBody({ chain: [ZJ], department: resources }).name).toBe('浙江省人民政府');
  });

  it('a vertically managed body by its department one level up', () => {
    expect(reviewBody({ chain: [LC, WZ, ZJ], department: tax }).name).toBe('温州市税务局');
    expect(reviewBody({ chain: [WZ, ZJ], department: tax }).name).toBe('浙江省税务局');
  });

  it('a body below the county counts as its county', () => {
    expect(reviewBody({ chain: [AL, WM, LC, WZ, ZJ], department: market }).name).toBe('温州市鹿城区人民政府');
  });
});

describe('the competent court (行政诉讼法 Art. 14, 18)', () => {
  it('the basic court of the county-level place where the body sits', () => {
    expect(competentCourt({ chain: [LC, WZ, ZJ], department: market }).name).toBe('温州市鹿城区人民法院');
    expect(competentCourt({ chain: [RA, WZ, ZJ], department: market }).name).toBe('瑞安市人民法院');
    expect(competentCourt({ chain: [YJ, WZ, ZJ], department: market }).name).toBe('永嘉县人民法院');
  });

  it('for the city and the province, the basic court of the district where the government sits', () => {
    expect(competentCourt({ chain: [WZ, ZJ], department: market }).name).toBe('温州市鹿城区人民法院');
    expect(competentCourt({ chain: [ZJ], department: market }).name).toBe('杭州市西湖区人民法院');
    // A city whose seat is not on record falls back to its own name.
    expect(competentCourt({ chain: [HZ, ZJ], department: market }).name).toBe('杭州市人民法院');
  });
});

describe('the deciding body and the notice', () => {
  it('names departments as the level names them', () => {
    expect(decidingBody({ chain: [LC, WZ, ZJ], department: market }).name).toBe('温州市鹿城区市场监督管理局');
    expect(decidingBody({ chain: [ZJ], department: resources }).name).toBe('浙江省自然资源和规划厅');
    expect(decidingBody({ chain: [ZJ], department: market }).name).toBe('浙江省市场监督管理局');
    expect(decidingBody({ chain: [WZ, ZJ], department: null }).name).toBe('温州市人民政府');
  });

  it('writes the review body, the court and both time limits into the notice, in both languages', () => {
    const n = rightsNotice({ chain: [LC, WZ, ZJ], department: market });
    expect(n.reviewDays).toBe(60);
    expect(n.suitMonths).toBe(6);
    expect(n.text).toContain('60日内向温州市鹿城区人民政府申请行政复议');
    expect(n.text).toContain('6个月内向温州市鹿城区人民法院提起行政诉讼');
    expect(n.textEn).toContain("People's Government of Lucheng District, Wenzhou");
    expect(n.textEn).toContain('6 months');
  });

  it('refuses a chain with nothing at county level or above', () => {
    expect(() => rightsNotice({ chain: [AL], department: market })).toThrow();
  });
});
