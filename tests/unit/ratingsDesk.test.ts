import { answerableDesk, handlersOf, isBadRating, type HistoryEvent } from '../../workflows/ratingDesk';

/* 谁办理谁负责: which desk answers for a rated stage, from the case's history. */
const ev = (seq: number, type: string, actorRole: string, level: string | null, jurisdictionCode: string | null, actorUserId: number | null = seq): HistoryEvent => ({
  seq,
  type,
  actorRole,
  actorUserId,
  actorName: `u${seq}`,
  level,
  jurisdictionCode,
});
const VILLAGE = '330302006001';
const TOWN = '330302006000';
const CITY = '330300000000';
const history = [
  ev(1, 'SUBMIT', 'applicant', 'village', VILLAGE, null),
  ev(2, 'ACCEPT', 'clerk', 'village', VILLAGE),
  ev(3, 'FORWARD', 'clerk', 'town', TOWN),
  ev(4, 'APPROVE', 'reviewer', 'city', CITY),
  ev(5, 'DELIVER', 'clerk', 'village', VILLAGE),
  ev(6, 'COMPLETE', 'applicant', 'village', VILLAGE, null),
];
const filedAt = { level: 'village', jurisdictionCode: VILLAGE, department: null };
const dept = () => 'market';

describe('the answerable desk of a rating', () => {
  it('covers the staff acts up to the acceptance for the accept stage', () => {
    expect(handlersOf(history, 'accept', dept).map((h) => h.type)).toEqual(['ACCEPT']);
  });

  it('covers every staff act for the final stage, with a reviewer’s department', () => {
    const h = handlersOf(history, 'final', dept);
    expect(h.map((x) => x.type)).toEqual(['ACCEPT', 'FORWARD', 'APPROVE', 'DELIVER']);
    expect(h.find((x) => x.type === 'APPROVE')!.department).toBe('market');
    expect(h.find((x) => x.type === 'ACCEPT')!.department).toBeNull();
  });

  it('holds the accepting centre answerable for the acceptance', () => {
    expect(answerableDesk(handlersOf(history, 'accept', dept), 'accept', filedAt)).toEqual({ level: 'village', jurisdictionCode: VILLAGE, department: null });
  });

  it('holds the deciding department answerable for the final stage', () => {
    expect(answerableDesk(handlersOf(history, 'final', dept), 'final', filedAt)).toEqual({ level: 'city', jurisdictionCode: CITY, department: 'market' });
  });

  it('holds the refusing centre answerable for a case refused at acceptance', () => {
    const refused = [history[0]!, ev(2, 'REFUSE', 'clerk', 'town', TOWN)];
    expect(answerableDesk(handlersOf(refused, 'final', dept), 'final', filedAt)).toEqual({ level: 'town', jurisdictionCode: TOWN, department: null });
  });

  it('holds the last desk that acted answerable for a case withdrawn before a decision', () => {
    const withdrawn = [...history.slice(0, 3), ev(4, 'WITHDRAW', 'applicant', 'county', '330302000000', null)];
    expect(answerableDesk(handlersOf(withdrawn, 'final', dept), 'final', filedAt).jurisdictionCode).toBe(TOWN);
  });

  it('holds the filing centre answerable when no staff ever acted', () => {
    expect(answerableDesk(handlersOf([history[0]!], 'final', dept), 'final', filedAt)).toEqual(filedAt);
  });

  it('calls 1 and 2 bad, 3 not', () => {
    expect([1, 2, 3, 5].map(isBadRating)).toEqual([true, true, false, false]);
  });
});
