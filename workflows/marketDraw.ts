/**
 * The verifiable random draw of the intermediary market, and price bidding's
 * choice (ties drawn by the same rule). Anyone can re-run it:
 *
 *   for each candidate:  h = SHA-256( seed_hex + ':' + uscc )   (hex, lower case)
 *   winner = the candidate with the smallest h (hex strings compare as numbers);
 *
 *   printf '%s' '<seed>:<uscc>' | sha256sum
 *
 * The seed is drawn when the centre approves the order; its SHA-256 (the
 * commitment) is published then, before sign-up closes; the seed itself
 * after the draw, so nobody could have chosen it to favour a candidate.
 * Pure: the hash function is passed in (node:crypto on the server, WebCrypto
 * in the browser gives the same hex).
 */
export type Sha256Hex = (text: string) => string;

export interface DrawCandidate {
  agencyId: number;
  uscc: string;
}

export interface DrawTicket extends DrawCandidate {
  hash: string;
}

/** What is hashed for one candidate. */
export const drawInput = (seedHex: string, uscc: string): string => `${seedHex}:${uscc}`;

/** Every candidate's ticket, smallest hash first (the first is the winner). */
export function drawTickets(seedHex: string, candidates: DrawCandidate[], sha256: Sha256Hex): DrawTicket[] {
  return candidates
    .map((c) => ({ ...c, hash: sha256(drawInput(seedHex, c.uscc)).toLowerCase() }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.uscc < b.uscc ? -1 : 1));
}

/** The winner of the draw among the candidates (null when there are none). */
export function drawWinner(seedHex: string, candidates: DrawCandidate[], sha256: Sha256Hex): DrawTicket | null {
  return drawTickets(seedHex, candidates, sha256)[0] ?? null;
}

export interface QuoteCandidate extends DrawCandidate {
  quote: number | null;
}

/** A quote is valid when given, whole and within the announced budget band. */
export function validQuote(quote: number | null, budgetMin: number, budgetMax: number): quote is number {
  return quote !== null && Number.isInteger(quote) && quote >= budgetMin && quote <= budgetMax;
}

/** Price bidding: the lowest valid quote wins; candidates tied on it are drawn by the rule above. */
export function biddingWinner(seedHex: string, candidates: QuoteCandidate[], budgetMin: number, budgetMax: number, sha256: Sha256Hex): QuoteCandidate | null {
  const valid = candidates.filter((c) => validQuote(c.quote, budgetMin, budgetMax));
  if (!valid.length) return null;
  const lowest = Math.min(...valid.map((c) => c.quote as number));
  const tied = valid.filter((c) => c.quote === lowest);
  const ticket = drawWinner(seedHex, tied, sha256)!;
  return tied.find((c) => c.agencyId === ticket.agencyId)!;
}
