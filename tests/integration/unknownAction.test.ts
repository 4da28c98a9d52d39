import { ACTION_TYPES } from '../../workflows/caseEvents';
import { buildCase } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

// A 422 for an action type the server does not know names the types it does, in the message and in details.
describe('an unknown action type', () => {
  const api = useTestServer();

  it.each([['FLY'], ['accept'], [undefined]])('answers type %p with 422 naming every allowed type', async (type) => {
    const filed = await api.file(buildCase());
    const res = await api.act('clerk.village', filed.caseNo, type === undefined ? { opinion: '?' } : { type });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    for (const t of ACTION_TYPES) expect(res.body.error.message).toContain(t);
    expect(res.body.error.details.issues).toEqual([{ field: 'type', message: `must be one of: ${ACTION_TYPES.join(', ')}`, allowed: [...ACTION_TYPES] }]);
    // Nothing happened to the case.
    expect(filed.version).toEqual(expect.any(Number));
    const after = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
    expect(after.body.version).toBe(filed.version);
  });

  it('still names the field of a known type’s missing field, without a list', async () => {
    const filed = await api.file(buildCase());
    const res = await api.act('clerk.village', filed.caseNo, { type: 'FORWARD' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ field: 'opinion' })]);
    expect(res.body.error.details.issues[0].allowed).toBeUndefined();
  });
});
