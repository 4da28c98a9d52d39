/**
 * The one spelling of a personal number that its search hash is taken of,
 * so "33030219900101123x", "3303 0219 9001 0112 3X" and the stored number
 * hash alike, as do "138-1234-5678", "+86 138 1234 5678" and "13812345678".
 * The same rule serves ID numbers, USCCs and phones: a search box does not
 * know which of them it was given.
 */
export function normaliseSearchKey(value: string): string {
  const compact = value.normalize('NFKC').replace(/[\s\-()]/g, '').toUpperCase();
  // A mainland mobile number with the country code: the stored one has none.
  const mobile = /^(?:\+|00)?86(1\d{10})$/.exec(compact);
  return mobile ? mobile[1]! : compact;
}

/** Whether a search text could be a whole personal number (worth hashing): letters and digits, at least 7 long. */
export function mayBePersonalNumber(value: string): boolean {
  return /^[0-9A-Z]{7,}$/.test(normaliseSearchKey(value));
}
