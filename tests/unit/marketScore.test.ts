import { agencyScore, orderComposite, starsFor, type CountedRating, type RaterKind } from '../../workflows/marketScore';

const W = [5, 3, 2] as const;
const rating = (orderId: number, raterKind: RaterKind, mark: number, over: Partial<CountedRating> = {}): CountedRating => ({
  orderId,
  raterKind,
  quality: mark,
  timeliness: mark,
  attitude: mark,
  fees: mark,
  conduct: mark,
  ...over,
});

describe('the three-way market score', () => {
  it('weights the client, the department and the centre 5:3:2', () => {
    expect(orderComposite([rating(1, 'client', 5), rating(1, 'department', 3), rating(1, 'centre', 1)], W)).toBeCloseTo((25 + 9 + 2) / 10);
  });

  it('reweights over the raters present', () => {
    expect(orderComposite([rating(1, 'client', 4), rating(1, 'centre', 2)], W)).toBeCloseTo((20 + 4) / 7);
  });

  it('averages the five indicators of one rater', () => {
    expect(orderComposite([rating(1, 'client', 5, { fees: 1 })], W)).toBeCloseTo(4.2);
  });

  it('maps the mean composite to 0–100 and stars', () => {
    expect(agencyScore([rating(1, 'client', 5), rating(2, 'client', 4)], W)).toEqual({ score: 87.5, stars: 4, ratedOrders: 2 });
    expect(starsFor(90)).toBe(5);
    expect(starsFor(59.99)).toBe(1);
  });

  it('gives one star to an agency with a one-star order, however good the rest', () => {
    expect(agencyScore([rating(1, 'client', 5), rating(2, 'client', 5), rating(3, 'client', 1)], W).stars).toBe(1);
  });

  it('gives one star to an agency with a bad act on record', () => {
    expect(agencyScore([rating(1, 'client', 5)], W, 1)).toEqual({ score: 100, stars: 1, ratedOrders: 1 });
    expect(agencyScore([], W, 1)).toEqual({ score: null, stars: 1, ratedOrders: 0 });
  });

  it('has no score without ratings', () => {
    expect(agencyScore([], W)).toEqual({ score: null, stars: null, ratedOrders: 0 });
  });

  it('ignores raters whose weight is zero', () => {
    expect(orderComposite([rating(1, 'centre', 1)], [1, 1, 0])).toBeNull();
  });
});
