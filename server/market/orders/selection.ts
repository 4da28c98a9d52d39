import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { OrderRow } from '../../../db/repositories/market/orders';
import { listSignups, type SignupRow } from '../../../db/repositories/market/signups';
import { biddingWinner, drawTickets, drawWinner, type DrawTicket } from '../../../workflows/marketDraw';
import { remainingCandidates, type OrderContext } from '../../../workflows/marketOrderMachine';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The sign-ups that may still be chosen: in the pool (signed up by closing, not declined) and still listed. */
export function eligibleCandidates(o: OrderRow, signups: SignupRow[]): SignupRow[] {
  const pool = remainingCandidates(o.machineContext as unknown as OrderContext);
  return signups.filter((s) => pool.includes(s.agencyId) && !s.excluded && s.agencyState === 'listed');
}

/** The winner by the order's method (random: the draw; bidding: the lowest valid quote, ties drawn); null when nobody is left. */
export async function pickNext(db: Knex, o: OrderRow): Promise<number | null> {
  if (!o.drawSeed) return null;
  const candidates = eligibleCandidates(o, await listSignups(db, o.id));
  if (o.method === 'bidding') return biddingWinner(o.drawSeed, candidates, o.budgetMin, o.budgetMax, sha256Hex)?.agencyId ?? null;
  return drawWinner(o.drawSeed, candidates, sha256Hex)?.agencyId ?? null;
}

export interface DrawReport {
  method: string;
  commitment: string | null;
  algorithm: string;
  drawn: boolean;
  seed: string | null;
  candidates: (DrawTicket & { name: string; quote?: number | null; declined: boolean })[];
  declined: number[];
  winnerAgencyId: number | null;
}

/**
 * What GET /draw publishes: the commitment from approval on; after the draw
 * (or the opening of the quotes) the seed, every candidate with its USCC and
 * hash, the declined ones and the winner — enough to re-run it with sha256sum.
 */
export async function drawReport(db: Knex, o: OrderRow): Promise<DrawReport> {
  const c = o.machineContext as unknown as OrderContext;
  const drawn = o.method !== 'direct' && c.drawn === true;
  const base = {
    method: o.method,
    commitment: o.drawCommitment,
    algorithm: "winner = candidate with the smallest SHA-256(seed + ':' + uscc), lower-case hex; bidding: lowest valid quote in the budget band, ties by the same rule",
    drawn,
    declined: c.declined ?? [],
    winnerAgencyId: drawn ? o.chosenAgencyId : null,
  };
  if (!drawn || !o.drawSeed) return { ...base, seed: null, candidates: [] };
  const signups = (await listSignups(db, o.id)).filter((s) => (c.candidates ?? []).includes(s.agencyId));
  const tickets = drawTickets(o.drawSeed, signups, sha256Hex);
  return {
    ...base,
    seed: o.drawSeed,
    candidates: tickets.map((t) => {
      const s = signups.find((x) => x.agencyId === t.agencyId)!;
      return { agencyId: t.agencyId, uscc: t.uscc, hash: t.hash, name: s.agencyName, ...(o.method === 'bidding' ? { quote: s.quote } : {}), declined: c.declined.includes(t.agencyId) };
    }),
  };
}
