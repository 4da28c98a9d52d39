import type { Level } from '../../workflows/levels';

/**
 * Where a service centre is, when it is open and its phone: demo values,
 * plausible for Wenzhou (area code 0577) but invented, and marked as such in
 * the address. Deterministic from the centre's code and place names.
 */
export interface CentreContact {
  address: string;
  hours: string;
  phone: string;
}

const STREETS = ['人民路', '解放路', '府前街', '中山路', '学院路', '新华路', '文化路', '建设路', '振兴路', '环城路'];

const HOURS: Record<Level, string> = {
  province: '周一至周五 9:00–12:00，13:30–17:00',
  city: '周一至周五 9:00–12:00，13:30–17:00；周六 9:00–12:00',
  county: '周一至周五 8:30–12:00，13:30–17:00；周六 9:00–12:00',
  town: '周一至周五 8:30–11:30，13:30–17:00',
  village: '周一至周五 8:30–11:30，14:00–17:00（农忙时节以村公告为准）',
};

/** `places`: the names from the province down to the centre's own place, e.g. ['浙江省', '温州市', '鹿城区', '五马街道']. */
export function centreContactFor(code: string, level: Level, places: string[]): CentreContact {
  const n = Number(code.slice(4, 12)) % 9973;
  const street = STREETS[n % STREETS.length]!;
  return {
    address: `${places.join('')}${street}${(n % 300) + 1}号（演示地址）`,
    hours: HOURS[level],
    phone: level === 'province' ? '0571-12345' : `0577-8${String((n * 7919) % 10000000).padStart(7, '0')}`,
  };
}
