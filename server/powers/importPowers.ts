import { readCatalogueFile } from '../commands/catalogueFile';
import { bodiesOfList } from '../../db/repositories/powers/changes';
import { entriesOfVersion } from '../../db/repositories/powers/entries';
import { findPowerVersion } from '../../db/repositories/powers/versions';
import type { ImportLang, ImportProblem } from '../../workflows/importProblems';
import { POWER_COLUMNS, POWER_TYPE_LIST, powerImportMessage, renderPowerProblem } from '../../workflows/powerImportProblems';
import { isPowerType, type PowerType } from '../../workflows/powerTypes';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseKeeper } from '../policies/powers';
import { entryCode } from '../presenters/powers';
import type { EntryInput } from './adjustments';
import { powerVersionNotFound } from './errors';
import { actOnPowerVersion } from './versionAggregate';

const MAX = { name: 200, basis: 500, scope: 8 };

/**
 * Imports a CSV or .xlsx file into a draft version, all or nothing: each row
 * without a code is a new entry (one `add` change with the reason and basis
 * given); a row whose code is in the draft stays as it is (so an exported
 * list can be imported back with rows added). Every problem once, by line.
 */
export async function importPowers(ctx: AppContext, p: { actor: Actor; versionId: number; data: Uint8Array; charset?: string; lang: ImportLang; reason: string; basis: string }) {
  const v = await findPowerVersion(ctx.db.knex, p.versionId);
  if (!v) throw powerVersionNotFound();
  authoriseKeeper(p.actor.kind === 'user' ? p.actor.user : null, v.listCode);
  const file = await readCatalogueFile(p.data, p.charset);
  const fail = (problems: ImportProblem[]) => {
    const rendered = problems.map((x) => renderPowerProblem(x, p.lang));
    const first = problems[0]!;
    return new AppError('POWER_IMPORT_FAILED', 422, powerImportMessage('POWER_SUMMARY', { n: problems.length, line: first.line }, p.lang), { problems: rendered });
  };
  if (!file.ok) throw fail(file.problems);
  if (!file.rows.length) throw fail([{ line: 1, field: '(file)', code: 'NO_ROWS', params: {} }]);
  const column = (key: string) => POWER_COLUMNS.find((c) => c.key === key)!;
  const headerOf = (key: string) => file.header.find((h) => h === column(key).zh || h.toLowerCase() === column(key).en);
  const missing = POWER_COLUMNS.filter((c) => c.required && !headerOf(c.key)).map((c) => c.zh);
  if (missing.length) throw fail([{ line: 1, field: '(header)', code: 'MISSING_COLUMNS', params: { columns: missing.join('、') } }]);
  const bodies = new Set((await bodiesOfList(ctx.db.knex, v.listId)).map((b) => b.name));
  const draft = await entriesOfVersion(ctx.db.knex, v.listId, v.seq);
  const inDraft = new Map(draft.map((e) => [entryCode(e), e]));
  const namesInDraft = new Map(draft.map((e) => [`${e.bodyName}\u0000${e.name}`, entryCode(e)]));
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const entries: EntryInput[] = [];
  let unchanged = 0;
  for (const row of file.rows) {
    const cell = (key: string) => (headerOf(key) ? (row.record[headerOf(key)!] ?? '').trim() : '');
    const problem = (key: string, code: string, params: Record<string, string | number> = {}) => problems.push({ line: row.line, field: column(key).zh, code, params });
    const code = cell('code');
    if (code) {
      if (inDraft.has(code)) unchanged++;
      else problem('code', 'CODE_NOT_IN_DRAFT', { code });
      continue;
    }
    const [name, type, department, basis, scope] = ['name', 'type', 'department', 'basis', 'scope'].map(cell) as [string, string, string, string, string];
    let ok = true;
    for (const [key, value] of [['name', name], ['type', type], ['department', department]] as const) if (!value) ((ok = false), problem(key, 'REQUIRED'));
    if (name.length > MAX.name) ((ok = false), problem('name', 'TOO_LONG', { max: MAX.name }));
    if (basis.length > MAX.basis) ((ok = false), problem('basis', 'TOO_LONG', { max: MAX.basis }));
    if (scope.length > MAX.scope) ((ok = false), problem('scope', 'TOO_LONG', { max: MAX.scope }));
    if (type && !isPowerType(type)) ((ok = false), problem('type', 'BAD_POWER_TYPE', { allowed: POWER_TYPE_LIST }));
    if (department && !bodies.has(department)) ((ok = false), problem('department', 'UNKNOWN_BODY', { name: department }));
    const key = `${department}\u0000${name}`;
    if (name && department) {
      if (seen.has(key)) ((ok = false), problem('name', 'DUPLICATE_NAME', { firstLine: seen.get(key)! }));
      else seen.set(key, row.line);
      if (namesInDraft.has(key)) ((ok = false), problem('name', 'NAME_IN_LIST', { code: namesInDraft.get(key)! }));
    }
    if (ok) entries.push({ name, type: type as PowerType, department, basis: basis || null, scope: scope || null });
  }
  if (problems.length) throw fail(problems);
  if (!entries.length) return { imported: 0, unchanged, version: v.id };
  await actOnPowerVersion(ctx, { key: String(v.id), actor: p.actor, action: { type: 'ADJUST', kind: 'add', reason: p.reason, basis: p.basis, entries } });
  return { imported: entries.length, unchanged, version: v.id };
}
