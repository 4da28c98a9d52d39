import { USCC_CHARSET, usccCheckChar } from './identity';

/**
 * Credit codes (GB 32100) of the government bodies that issue and define
 * e-licences. The demo tree has no register of organ codes, so each body's
 * code is derived, stably, from its area and department: 1 (registered by
 * 机构编制), 1 (机关), the 6-digit area code, a 9-character organisation
 * code from a hash of the body's key, and the check character. Real
 * deployments load the registered codes instead; every code made here
 * passes the GB 32100 check, so the identifiers built from it are valid.
 */
/** FNV-1a, run on: a stable spread of a key over `n` small numbers (pure, so the web app may use it too). */
function spread(key: string, n: number): number[] {
  let h = 0x811c9dc5;
  const out: number[] = [];
  for (let i = 0; out.length < n; i++) {
    h ^= i < key.length ? key.charCodeAt(i) : out.length * 131 + 7;
    h = Math.imul(h, 0x01000193) >>> 0;
    if (i >= key.length) out.push(h);
  }
  return out;
}

export function organUscc(areaCode: string, department: string): string {
  const area = areaCode.slice(0, 6).padEnd(6, '0');
  const org = spread(`${area}|${department}`, 9)
    .map((v) => USCC_CHARSET[v % USCC_CHARSET.length])
    .join('');
  const body = `11${area}${org}`;
  return body + usccCheckChar(body)!;
}

/**
 * 证照类型代码 (GB/T 36904): the defining body's credit code and a 3-digit
 * serial of the licence type. Licence types are defined at the province, so
 * the definer is the item's department of the province; the serial is fixed
 * per item code.
 */
export function licenceTypeCode(provinceCode: string, department: string, itemCode: string): string {
  const serial = spread(itemCode, 1)[0]! % 1000;
  return `${organUscc(provinceCode, department)}${String(serial).padStart(3, '0')}`;
}

/**
 * The code of the body behind a service centre that issues certificates (a
 * village or community committee, a town's government or street office):
 * derived like organUscc, with the whole 12-digit area in the key, since
 * every village of a county shares its first six digits.
 */
export function centreUscc(centreCode: string): string {
  return organUscc(centreCode, `centre@${centreCode}`);
}

/** 证照类型代码 of a certificate kind: defined by the province's civil affairs department (民政厅), the kind's 3-digit serial after its code. */
export function certificateTypeCode(provinceCode: string, typeSerial: string): string {
  return `${organUscc(provinceCode, 'civil')}${typeSerial}`;
}
