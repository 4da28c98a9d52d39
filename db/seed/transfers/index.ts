import type { Knex } from 'knex';
import { INITIAL_ORG_CONTEXT, type OrgContext } from '../../../workflows/transferOrgMachine';
import { buildTransferSeed, serviceCategoryOf } from './build';

async function insertChunked(trx: Knex, table: string, rows: Record<string, unknown>[], size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await trx(table).insert(rows.slice(i, i + size));
}

async function idsOf(trx: Knex, table: string): Promise<number[]> {
  return (await trx(table).select('id').orderBy('id')).map((r: { id: number }) => Number(r.id));
}

/**
 * The function-transfer list (职能转移, db/seed/transfers/build.ts): units, receiving organisations in the
 * state their seeded evaluations left them, functions, the purchasable-services directory (every function
 * transferred by commission), agreements and evaluations. Direct inserts: the history has no events.
 */
export async function seedTransfers(trx: Knex, now: string): Promise<void> {
  const seed = buildTransferSeed();
  await insertChunked(trx, 'transfer_units', seed.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })));
  const unitIds = await idsOf(trx, 'transfer_units');
  const last = new Map<number, (typeof seed.evaluations)[number]>();
  for (const e of seed.evaluations) last.set(e.org, e);
  await insertChunked(
    trx,
    'transfer_orgs',
    seed.orgs.map((o, n) => {
      const e = last.get(n);
      const context: OrgContext = e ? { lastYear: e.year, lastScore: e.score, lastGrade: e.grade, lastConsequence: e.consequence } : INITIAL_ORG_CONTEXT;
      return {
        name: o.name, uscc: o.uscc, kind: o.kind, registered_on: o.registeredOn, credit_rating: o.creditRating,
        state: e?.stateAfter ?? 'qualified', machine_context: JSON.stringify(context), row_version: 1, last_seq: 0,
        removed_on: e?.stateAfter === 'removed' ? `${e.year + 1}-03-31` : null, created_at: now,
      };
    }),
  );
  const orgIds = await idsOf(trx, 'transfer_orgs');
  await insertChunked(
    trx,
    'transfer_functions',
    seed.functions.map((f) => ({ code: f.code, unit_id: unitIds[f.unit], name: f.name, category: f.category, mode: f.mode, org_id: orgIds[f.org], transferred_on: f.transferredOn, plan_issued: f.planIssued })),
  );
  const fnIds = await idsOf(trx, 'transfer_functions');
  const commissioned = seed.functions.map((f, n) => ({ f, n })).filter(({ f }) => f.mode === 'commission');
  await insertChunked(
    trx,
    'transfer_services',
    commissioned.map(({ f, n }, k) => ({ code: `GMFW-${String(k + 1).padStart(4, '0')}`, name: f.name, category: serviceCategoryOf(f, n), unit_id: unitIds[f.unit], function_id: fnIds[n] })),
  );
  await insertChunked(
    trx,
    'transfer_agreements',
    seed.agreements.map((a) => ({
      agreement_no: a.agreementNo, unit_id: unitIds[a.unit], org_id: orgIds[a.org], function_id: fnIds[a.fn], signed_on: a.signedOn, term_from: a.termFrom, term_to: a.termTo,
      amount_yuan: a.amountYuan, deliverables: JSON.stringify(a.deliverables), state: 'recorded', machine_context: JSON.stringify({ termFrom: a.termFrom, termTo: a.termTo }),
      row_version: 1, last_seq: 0, recorded_by: null, created_at: now,
    })),
  );
  await insertChunked(
    trx,
    'transfer_evaluations',
    seed.evaluations.map((e) => ({ org_id: orgIds[e.org], year: e.year, score: e.score, grade: e.grade, consequence: e.consequence, state_after: e.stateAfter, notes: e.notes, evaluated_by: null, created_at: now })),
  );
}
