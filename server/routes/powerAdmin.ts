import express, { Router, type RequestHandler } from 'express';
import { findPowerVersion } from '../../db/repositories/powers/versions';
import { importLang } from '../../workflows/importProblems';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { requireUser } from '../http/auth';
import { AdjustBody, ImportQuery, OpenDraftBody, PowerVersionParam, PublishBody } from '../http/powerSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { IMPORT_TYPES } from './admin';
import { powerVersionNotFound } from '../powers/errors';
import { importPowers } from '../powers/importPowers';
import { actOnPowerVersion, openPowerDraft } from '../powers/versionAggregate';
import { versionsView } from '../powers/views';

/** Keeping the power lists: open a draft, adjust it with reasons, import into it, publish it (administrators). */
export function powerAdminRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  const actorOf = (res: express.Response) => ({ kind: 'user' as const, user: requireUser(res, ['admin']) });
  // The version with its figures, as GET /api/powers/versions lists it.
  const figures = async (id: number) => {
    const v = await findPowerVersion(db, id);
    if (!v) throw powerVersionNotFound();
    const { versions } = await versionsView(db, { jurisdiction: v.listCode, page: 1, pageSize: 100 }, true);
    return versions.find((x) => x.id === id)!;
  };
  r.post('/powers/versions', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(OpenDraftBody, req.body);
    const { row } = await openPowerDraft(ctx, { actor, jurisdiction: body.jurisdiction, name: body.name, document: body.document });
    res.status(201).json({ version: await figures(row.id) });
  });
  r.post('/powers/versions/:id/adjustments', async (req, res) => {
    const actor = actorOf(res);
    const id = parseQuery(PowerVersionParam, req.params.id);
    const b = parseBody(AdjustBody, req.body);
    const entries = b.kind === 'add' ? b.entries : b.kind === 'merge' ? [b.entry] : [];
    const codes = b.kind === 'add' ? [] : b.codes;
    const { event } = await actOnPowerVersion(ctx, {
      key: String(id),
      actor,
      expectedVersion: b.expectedVersion,
      action: { type: 'ADJUST', kind: b.kind, reason: b.reason, basis: b.basis, codes, entries, toLevel: b.kind === 'move' ? b.toLevel : undefined },
    });
    res.json({ version: await figures(id), event: { seq: event.seq, type: event.type, payload: event.payload } });
  });
  r.post('/powers/versions/:id/publish', async (req, res) => {
    const actor = actorOf(res);
    const id = parseQuery(PowerVersionParam, req.params.id);
    const b = parseBody(PublishBody, req.body ?? {});
    await actOnPowerVersion(ctx, { key: String(id), actor, expectedVersion: b.expectedVersion, action: { type: 'PUBLISH', reason: b.reason } });
    res.json({ version: await figures(id) });
  });
  // The role is checked before the (up to 5 MB) body is read, as the catalogue import does.
  const adminOnly: RequestHandler = (_req, res, next) => {
    requireUser(res, ['admin']);
    next();
  };
  r.post('/powers/versions/:id/import', adminOnly, express.raw({ type: IMPORT_TYPES, limit: '5mb' }), async (req, res) => {
    const actor = actorOf(res);
    const id = parseQuery(PowerVersionParam, req.params.id);
    const q = parseQuery(ImportQuery, req.query);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw badRequest('Send the CSV or .xlsx file as the body with Content-Type: text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const charset = /;\s*charset="?([\w.:-]+)"?/i.exec(req.get('content-type') ?? '')?.[1];
    const lang = importLang(req.acceptsLanguages('zh', 'en') || 'zh');
    const result = await importPowers(ctx, { actor, versionId: id, data: req.body, charset, lang, reason: q.reason, basis: q.basis });
    res.json({ ...result, version: await figures(id) });
  });
  return r;
}
