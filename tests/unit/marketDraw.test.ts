import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { biddingWinner, drawInput, drawTickets, drawWinner, validQuote } from '../../workflows/marketDraw';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const seed = 'a3f1c2d4e5b6978812345678900abcdef0123456789abcdef0123456789abcd';
const candidates = [
  { agencyId: 1, uscc: '91330300MA2AAAAA1X' },
  { agencyId: 2, uscc: '91330300MA2BBBBB2X' },
  { agencyId: 3, uscc: '91330300MA2CCCCC3X' },
];

describe('market draw', () => {
  it('picks the candidate with the smallest SHA-256 of seed:uscc', () => {
    const hashes = candidates.map((c) => ({ id: c.agencyId, h: sha(`${seed}:${c.uscc}`) })).sort((a, b) => (a.h < b.h ? -1 : 1));
    expect(drawWinner(seed, candidates, sha)!.agencyId).toBe(hashes[0].id);
  });

  it('does not depend on the order the candidates are listed in', () => {
    expect(drawWinner(seed, [...candidates].reverse(), sha)!.agencyId).toBe(drawWinner(seed, candidates, sha)!.agencyId);
  });

  it('is re-run with sha256sum giving the same hash', () => {
    const out = execFileSync('sh', ['-c', `printf '%s' '${drawInput(seed, candidates[0].uscc)}' | sha256sum`]).toString().split(' ')[0];
    expect(drawTickets(seed, candidates, sha).find((t) => t.agencyId === 1)!.hash).toBe(out);
  });

  it('has no winner without candidates', () => {
    expect(drawWinner(seed, [], sha)).toBeNull();
  });

  it('takes only quotes within the budget band', () => {
    expect(validQuote(null, 10, 20)).toBe(false);
    expect(validQuote(9, 10, 20)).toBe(false);
    expect(validQuote(20, 10, 20)).toBe(true);
  });

  it('gives the bidding to the lowest valid quote', () => {
    const w = biddingWinner(seed, [{ ...candidates[0], quote: 15 }, { ...candidates[1], quote: 12 }, { ...candidates[2], quote: 5 }], 10, 20, sha);
    expect(w!.agencyId).toBe(2);
  });

  it('draws among quotes tied at the lowest by the same rule', () => {
    const tied = [{ ...candidates[0], quote: 12 }, { ...candidates[1], quote: 12 }, { ...candidates[2], quote: 18 }];
    expect(biddingWinner(seed, tied, 10, 20, sha)!.agencyId).toBe(drawWinner(seed, candidates.slice(0, 2), sha)!.agencyId);
  });
});
