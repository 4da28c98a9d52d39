import { parseDayLines } from '../../client/src/pages/admin/calendarLines';
import { isRealIsoDate } from '../../workflows/isoDate';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { Api } from '../helpers/api';

/*
 * An impossible date ("2027-13-01", "2027-02-30") is refused with its line number, never rolled over into
 * another day (2028-01-01, 2027-03-02): by the calendar editor's paste reader and by the server.
 */

describe('impossible calendar dates', () => {
  it('isRealIsoDate accepts real days only, leap days included', () => {
    for (const d of ['2027-01-01', '2028-02-29', '2027-12-31']) expect({ d, ok: isRealIsoDate(d) }).toEqual({ d, ok: true });
    for (const d of ['2027-13-01', '2027-02-30', '2027-02-29', '2027-00-10', '2027-04-31', '2027-1-01', '27-01-01', '']) expect({ d, ok: isRealIsoDate(d) }).toEqual({ d, ok: false });
  });

  it('the editor refuses pasted impossible dates by line and keeps the real ones', () => {
    const { days, bad } = parseDayLines('2027-01-01,holiday,元旦\n2027-13-01,holiday,不存在\n\n2027-02-30,休\n2027/02/06,班,春节调休');
    expect(bad).toEqual([2, 4]);
    expect(days.map((d) => d.date)).toEqual(['2027-01-01', '2027-02-06']);
  });

  describe('on the server', () => {
    let srv: TestServer;
    const api = new Api('');
    beforeAll(async () => {
      srv = await startTestServer();
      api.baseUrl = srv.url;
    });
    afterAll(() => srv?.close());

    it('answers 422 naming the line of each impossible date, and saves nothing', async () => {
      const before = await srv.ctx.db.knex('calendar_days').where('date', 'like', '2027-%').orderBy('date').select('date', 'kind');
      const res = await api.as('admin', 'PUT', '/api/calendar/years/2027', {
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-13-01', kind: 'holiday' },
          { date: '2027-02-30', kind: 'holiday' },
        ],
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.issues).toEqual([
        { field: 'days.1.date', line: 2, message: 'line 2: 2027-13-01 is not a real date' },
        { field: 'days.2.date', line: 3, message: 'line 3: 2027-02-30 is not a real date' },
      ]);
      expect(res.body.error.message).toContain('line 2: 2027-13-01 is not a real date');
      // Nothing rolled over into 2028, nothing of 2027 replaced.
      expect(await srv.ctx.db.knex('calendar_days').where({ date: '2028-01-01' }).first()).toBeUndefined();
      expect(await srv.ctx.db.knex('calendar_days').where('date', 'like', '2027-%').orderBy('date').select('date', 'kind')).toEqual(before);
    });
  });
});
