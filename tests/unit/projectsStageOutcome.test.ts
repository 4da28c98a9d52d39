import { itemsToRefile, latestOfEach } from '../../server/projects/stageOutcome';

const c = (itemCode: string, caseId: number, state: string) => ({ itemCode, caseId, state });

describe('a stage’s outcome by item', () => {
  it('takes the latest case of each item', () => {
    expect(latestOfEach([c('A', 1, 'denied'), c('B', 2, 'review'), c('A', 3, 'review')]).map((x) => x.caseId)).toEqual([3, 2]);
  });

  it('refiles the items whose latest case ended without approval', () => {
    expect(itemsToRefile([c('A', 1, 'denied'), c('B', 2, 'withdrawn'), c('C', 3, 'refused'), c('D', 4, 'completed')])).toEqual(['A', 'B', 'C']);
  });

  it('does not refile an item already refiled', () => {
    expect(itemsToRefile([c('A', 1, 'denied'), c('A', 5, 'acceptanceReview')])).toEqual([]);
  });
});
