/**
 * The remedy channel (救济渠道) of a power list's entries, from where the list's
 * holder sits: administrative review by the people's government of the same
 * level within 60 days (行政复议法 2023 Art. 24, 20), or a suit within 6 months
 * at the basic court where the body sits (行政诉讼法 Art. 18, 46); a city body
 * sits where the city government sits (鹿城区, as workflows/rightsNotice.ts says).
 */
export interface PowerRemedy {
  review: string;
  court: string;
  text: string;
}

export function powerRemedy(list: { level: string; jurisdictionName: string }, cityName = '温州市', citySeat = '鹿城区'): PowerRemedy {
  const review = `${list.jurisdictionName}人民政府`;
  const court = list.level === 'city' ? `${cityName}${citySeat}人民法院` : `${list.jurisdictionName}人民法院`;
  return { review, court, text: `对行政行为不服的，可以自知道之日起60日内向${review}申请行政复议，或者在6个月内向${court}提起行政诉讼。` };
}

/** The supervision channel (监督方式): the body's phone, and the city's 12345 line above it. */
export function supervisionText(bodyName: string, phone: string | null): string {
  return phone ? `${bodyName}监督电话 ${phone}；12345政务服务热线` : '12345政务服务热线';
}
