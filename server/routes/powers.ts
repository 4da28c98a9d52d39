import { Router } from 'express';
import { searchPowers } from '../../db/repositories/powers/entries';
import { findPowerVersion } from '../../db/repositories/powers/versions';
import { parsePowerCode, POWER_TYPES } from '../../workflows/powerTypes';
import type { AppContext } from '../context';
import { currentUser, requireUser } from '../http/auth';
import { CompareQuery, ExportQuery, PowerCodeParam, PowersQuery, VersionsQuery } from '../http/powerSchemas';
import { parseQuery } from '../http/validate';
import { authoriseKeeper, seesDrafts } from '../policies/powers';
import { listPlaces, presentEntry } from '../presenters/powers';
import { powerVersionNotFound } from '../powers/errors';
import { exportPowers } from '../powers/exportPowers';
import { compareView, entryDetail, versionsView } from '../powers/views';

/** The power and responsibility lists (权力清单 / 责任清单, docs/powers.md): public reading, the administrators' export. */
export function powersRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  // Fixed paths before `/powers/:code`.
  r.get('/powers/versions', async (req, res) => {
    res.json(await versionsView(db, parseQuery(VersionsQuery, req.query), seesDrafts(currentUser(res))));
  });
  r.get('/powers/versions/compare', async (req, res) => {
    res.json(await compareView(db, parseQuery(CompareQuery, req.query), seesDrafts(currentUser(res))));
  });
  r.get('/powers/export', async (req, res) => {
    const user = requireUser(res, ['admin']);
    const q = parseQuery(ExportQuery, req.query);
    const v = await findPowerVersion(db, q.version);
    if (!v) throw powerVersionNotFound();
    authoriseKeeper(user, v.listCode);
    const file = await exportPowers(ctx, v, q.format);
    res.set('content-type', file.type).set('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });
  r.get('/powers', async (req, res) => {
    const q = parseQuery(PowersQuery, req.query);
    let version: { listId: number; seq: number } | undefined;
    if (q.version) {
      const v = await findPowerVersion(db, q.version);
      if (!v || (v.state === 'draft' && !seesDrafts(currentUser(res)))) throw powerVersionNotFound();
      version = { listId: v.listId, seq: v.seq };
    }
    const code = q.q ? parsePowerCode(q.q) : null;
    const found = await searchPowers(
      db,
      { version, level: q.level, jurisdiction: q.jurisdiction, type: q.type ? POWER_TYPES.indexOf(q.type) + 1 : undefined, bodyId: q.department, q: code ? undefined : q.q, code: code ?? undefined },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const places = await listPlaces(db, found.rows.map((e) => e.listCode));
    res.json({
      total: found.total,
      page: q.page,
      pageSize: q.pageSize,
      // Counted from the rows the filters select (the department filter aside): 44 for the city's published list.
      departments: found.departments.length,
      departmentCounts: found.departments,
      powers: found.rows.map((e) => presentEntry(e, places)),
    });
  });
  r.get('/powers/:code', async (req, res) => {
    res.json(await entryDetail(db, parseQuery(PowerCodeParam, req.params.code), seesDrafts(currentUser(res))));
  });
  return r;
}
