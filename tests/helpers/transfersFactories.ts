import type { Knex } from 'knex';

let made = 0;

/** A fresh agreement number nobody holds (unique per process and call). */
export function agreementNo(): string {
  return `T-${process.pid % 100000}-${++made}`;
}

/** A valid agreement body between a unit and an organisation; override any part. */
export function agreementBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    agreementNo: agreementNo(),
    unitCode: 'ZY002',
    functionCode: 'ZNZY-002-01',
    organisationId: 1,
    signedOn: '2026-03-01',
    termFrom: '2026-03-01',
    termTo: '2027-02-28',
    amountYuan: 120000,
    deliverables: ['季度外贸壁垒预警报告', '企业应诉指导记录'],
    ...over,
  };
}

/** A seeded organisation in the given directory state, not yet evaluated for `year` (first by id). */
export async function orgIn(db: Knex, state: 'qualified' | 'probation' | 'removed', notEvaluatedIn?: number): Promise<{ id: number; name: string }> {
  const q = db('transfer_orgs').where({ state }).orderBy('id');
  if (notEvaluatedIn !== undefined) q.whereNotExists(db('transfer_evaluations as e').whereRaw('e.org_id = transfer_orgs.id').where('e.year', notEvaluatedIn));
  const r = await q.first('id', 'name');
  if (!r) throw new Error(`no seeded organisation in state ${state}`);
  return { id: Number(r.id), name: r.name };
}

/** A new qualified organisation with no evaluation (inserted directly: the directory has no registration route). */
export async function newOrg(db: Knex): Promise<{ id: number; name: string }> {
  const n = ++made + (process.pid % 1000) * 1000;
  const name = `温州市测试承接组织${n}`;
  const [id] = await db('transfer_orgs').insert({
    name, uscc: `51330300T${String(n).padStart(9, '0')}`.slice(0, 18), kind: 'social_group', registered_on: '2020-01-01', credit_rating: '3A',
    state: 'qualified', machine_context: JSON.stringify({ lastYear: null, lastScore: null, lastGrade: null, lastConsequence: null }), row_version: 1, last_seq: 0, removed_on: null, created_at: '2026-01-01 00:00:00.000',
  });
  return { id: Number(id), name };
}
