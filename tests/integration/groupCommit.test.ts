import { findUserByUsername } from '../../db/repositories/users';
import type { Actor } from '../../server/auth/actor';
import { CommitGroup } from '../../server/commands/groupCommit';
import { commitGroupOf, transitionCase } from '../../server/commands/transitionCase';
import { AppError } from '../../server/errors';
import { Api, buildCase } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

// Group commit: commands arriving together share one transaction, yet each is judged on its own.

describe('group commit', () => {
  let srv: TestServer;
  let api: Api;
  let clerk: Actor;

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    const user = await findUserByUsername(srv.ctx.db.knex, 'clerk.village');
    clerk = { kind: 'user', user: user! };
  });
  afterAll(() => srv.close());

  const fileMany = async (n: number) => {
    const out: { caseNo: string; version: number }[] = [];
    for (let i = 0; i < n; i++) out.push(await api.file(buildCase()));
    return out;
  };
  const stored = async (caseNo: string) => {
    const knex = srv.ctx.db.knex;
    const row = await knex('cases').where({ case_no: caseNo }).first();
    const types = (await knex('case_events').where({ case_id: row.id }).orderBy('seq').select('type')).map((r) => r.type as string);
    return { state: row.state as string, version: Number(row.version), lastSeq: Number(row.last_seq), types };
  };
  const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (err: unknown) => (err instanceof AppError ? err.code : String(err)));

  it('applies commands that arrive while one commits in one transaction, and answers each after its commit', async () => {
    const cases = await fileMany(12);
    const group = commitGroupOf(srv.ctx);
    const before = { ...group.stats };
    const results = await Promise.all(cases.map((c) => transitionCase(srv.ctx, { caseNo: c.caseNo, actor: clerk, action: { type: 'ACCEPT' } })));
    // The first ran alone at once (nothing waits at low load), and so did each next one while a batch slot was
    // free (GROUP_COMMIT_PARALLEL); the rest arrived while those committed and went together.
    const parallel = srv.ctx.config.GROUP_COMMIT_PARALLEL;
    expect(group.stats.batches - before.batches).toBe(parallel + 1);
    expect(group.stats.largest).toBeGreaterThanOrEqual(12 - parallel);
    for (const [i, r] of results.entries()) {
      expect(r.case.caseNo).toBe(cases[i]!.caseNo);
      expect(r.event.type).toBe('ACCEPT');
      // Answered after the commit: a fresh read already holds the change.
      expect(await stored(r.case.caseNo)).toMatchObject({ version: 2, lastSeq: 2, types: ['SUBMIT', 'ACCEPT'] });
    }
  });

  it('refuses one command of a batch without failing its neighbours', async () => {
    const [a, b, c] = await fileMany(3);
    const first = transitionCase(srv.ctx, { caseNo: a!.caseNo, actor: clerk, action: { type: 'ACCEPT' } });
    const batch = [
      transitionCase(srv.ctx, { caseNo: b!.caseNo, actor: clerk, action: { type: 'ACCEPT' } }),
      // Not possible before acceptance: refused on its own.
      transitionCase(srv.ctx, { caseNo: c!.caseNo, actor: clerk, action: { type: 'FORWARD', opinion: '越级' } }),
      transitionCase(srv.ctx, { caseNo: c!.caseNo, actor: clerk, action: { type: 'ACCEPT' } }),
      transitionCase(srv.ctx, { caseNo: 'NO-SUCH-CASE', actor: clerk, action: { type: 'ACCEPT' } }),
    ];
    expect(await outcome(first)).toBe('ok');
    expect(await Promise.all(batch.map(outcome))).toEqual(['ok', 'INVALID_TRANSITION', 'ok', 'CASE_NOT_FOUND']);
    expect(await stored(b!.caseNo)).toMatchObject({ state: 'review', types: ['SUBMIT', 'ACCEPT'] });
    expect(await stored(c!.caseNo)).toMatchObject({ version: 2, types: ['SUBMIT', 'ACCEPT'] });
  });

  it('gives exactly one winner when two commands for the same version of a case arrive together', async () => {
    const [warm, c] = await fileMany(2);
    const first = transitionCase(srv.ctx, { caseNo: warm!.caseNo, actor: clerk, action: { type: 'ACCEPT' } });
    const race = [1, 2].map((n) => transitionCase(srv.ctx, { caseNo: c!.caseNo, actor: clerk, action: { type: 'ACCEPT', opinion: `窗口${n}` }, expectedVersion: 1 }));
    await first;
    expect(await Promise.all(race.map(outcome))).toEqual(['ok', 'VERSION_CONFLICT']);
    expect(await stored(c!.caseNo)).toMatchObject({ version: 2, lastSeq: 2, types: ['SUBMIT', 'ACCEPT'] });
  });

  it('rolls a batch back whole when its writes fail, then runs each command alone', async () => {
    const knex = srv.ctx.db.knex;
    const [a, b] = await fileMany(2);
    type Op = { caseNo: string; version: number };
    const write = (trx: typeof knex, op: Op) => trx('cases').where({ case_no: op.caseNo }).update({ version: op.version });
    const group = new CommitGroup<Op, string>(
      knex,
      {
        // Writes every command's change, then breaks as a failed bulk write would.
        async many(trx, list) {
          for (const op of list) await write(trx, op);
          throw new Error('bulk write failed');
        },
        async one(trx, op) {
          await write(trx, op);
          if (op.version === 777) throw new AppError('TEST_REFUSED', 409, 'refused when alone');
          return 'alone';
        },
      },
      { max: 10, windowMs: 5, parallel: 1 },
    );
    const results = await Promise.all([group.run({ caseNo: b!.caseNo, version: 777 }), group.run({ caseNo: a!.caseNo, version: 555 })].map(outcome));
    // Both arrived inside the window: one batch, rolled back and split.
    expect(group.stats).toEqual({ batches: 1, largest: 2, splits: 1 });
    expect(results).toEqual(['TEST_REFUSED', 'ok']);
    expect((await knex('cases').where({ case_no: a!.caseNo }).first()).version).toBe(555);
    // The refused command's own transaction was rolled back too.
    expect((await knex('cases').where({ case_no: b!.caseNo }).first()).version).toBe(1);
  });
});
