import crypto from 'node:crypto';
import { normaliseSearchKey } from '../../workflows/searchKeys';

/**
 * Keyed hashes of personal numbers, so a case is found by its full ID
 * number, USCC or phone without the search columns holding them in the
 * clear: HMAC-SHA256 under SEARCH_HASH_KEY (a plain hash of an 18-digit ID
 * number is brute-forced in minutes; without the key it is not).
 */
export function searchHash(key: string, value: string): string {
  return crypto.createHmac('sha256', key).update(normaliseSearchKey(value)).digest('hex');
}

/** What a filing knows of the applicant and agent; the organisation and agent fields exist only for some filings. */
export interface SearchableParties {
  applicant: { idNumber?: string | null; uscc?: string | null; phone?: string | null };
  agent?: { idNumber?: string | null; phone?: string | null } | null;
}

/** The case columns (camelCase, as CaseRow) holding the hashes; absent numbers hash to null. */
export interface SearchHashColumns {
  searchIdHash: string | null;
  searchUsccHash: string | null;
  searchPhoneHash: string | null;
  searchAgentIdHash: string | null;
  searchAgentPhoneHash: string | null;
  /** Written with the hashes, so the start-up backfill knows which rows are done. */
  searchHashed: true;
}

export function searchHashColumns(key: string, p: SearchableParties): SearchHashColumns {
  const h = (v: string | null | undefined) => (v && v.trim() ? searchHash(key, v) : null);
  return {
    searchIdHash: h(p.applicant.idNumber),
    searchUsccHash: h(p.applicant.uscc),
    searchPhoneHash: h(p.applicant.phone),
    searchAgentIdHash: h(p.agent?.idNumber),
    searchAgentPhoneHash: h(p.agent?.phone),
    searchHashed: true,
  };
}
