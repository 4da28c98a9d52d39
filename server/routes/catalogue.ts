import { listItemProofs } from '../../db/repositories/commitments/proofs';
import { certificatesNeededBy } from '../../db/repositories/certificates/certificateKinds';
import { presentCertificateKind } from '../presenters/certificates';
import { serviceItemsOfItem } from '../../db/repositories/market/serviceItems';
import { Router } from 'express';
import { listDepartments } from '../../db/repositories/departments';
import { findCurrentItem, searchItems } from '../../db/repositories/items';
import { findJurisdiction, listCentres, listJurisdictions } from '../../db/repositories/jurisdictions';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { ItemsQuery, JurisdictionsQuery } from '../http/schemas';
import { parseBody, parseQuery } from '../http/validate';
import { ItemCodeParam, ItemKeywordsBody } from '../http/catalogueSchemas';
import { requireUser } from '../http/auth';
import { saveItemKeywords } from '../commands/saveItemKeywords';
import { presentItem, presentJurisdiction } from '../presenters/misc';
import { powerOfItemView } from '../powers/views';

/** Public reference data: the catalogue and the jurisdiction tree. */
export function catalogueRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/items', async (req, res) => {
    const q = parseQuery(ItemsQuery, req.query);
    const { total, items } = await searchItems(ctx.db.knex, {
      q: q.q || undefined,
      linked: q.linked,
      decideLevel: q.level,
      acceptLevel: q.acceptLevel,
      department: q.department,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    res.json({ total, page: q.page, pageSize: q.pageSize, items: items.map(presentItem) });
  });
  r.get('/items/:code', async (req, res) => {
    const item = await findCurrentItem(ctx.db.knex, String(req.params.code));
    if (!item) throw notFound('Item');
    // The guide's proof list (证明事项清单): per proof its basis, units and whether a commitment may replace it;
    // the certificates the item needs: an applicant with an account attaches the e-certificate the platform issued.
    // The intermediary services it needs (网上中介超市), each saying whether the government commissions and pays.
    // The power it implements (权力清单, docs/powers.md): a 公共服务 item implements none (`publicService`).
    const [proofs, needs, services, power] = await Promise.all([listItemProofs(ctx.db.knex, item.code), certificatesNeededBy(ctx.db.knex, item.code), serviceItemsOfItem(ctx.db.knex, item.code), powerOfItemView(ctx.db.knex, item)]);
    res.json({
      ...presentItem(item),
      proofs,
      certificates: needs.map(presentCertificateKind),
      marketServices: services.map((s) => ({ code: s.code, name: s.name, governmentPaid: s.governmentPaid, requiredQualification: s.requiredQualification })),
      ...power,
    });
  });
  r.get('/departments', async (_req, res) => {
    res.json({ departments: await listDepartments(ctx.db.knex) });
  });
  r.get('/jurisdictions', async (req, res) => {
    const q = parseQuery(JurisdictionsQuery, req.query);
    const rows = await listJurisdictions(ctx.db.knex, { level: q.level, parentCode: q.parent, under: q.under });
    res.json({ jurisdictions: rows.map(presentJurisdiction) });
  });
  r.get('/jurisdictions/:code', async (req, res) => {
    const j = await findJurisdiction(ctx.db.knex, String(req.params.code));
    if (!j) throw notFound('Jurisdiction');
    const children = await listJurisdictions(ctx.db.knex, { parentCode: j.code });
    res.json({ ...presentJurisdiction(j), children: children.map(presentJurisdiction) });
  });
  r.get('/centres', async (req, res) => {
    const q = parseQuery(JurisdictionsQuery.pick({ under: true }), req.query);
    const centres = await listCentres(ctx.db.knex, q.under);
    res.json({
      centres: centres.map((c) => ({ code: c.code, name: c.name, level: c.level, acceptsLinked: c.acceptsLinked, address: c.address, hours: c.hours, phone: c.phone })),
    });
  });
  // The administrator changes an item's everyday words: a new version of the item (commands/saveItemKeywords.ts).
  r.put('/items/:code/keywords', async (req, res) => {
    const user = requireUser(res, ['admin']);
    const code = parseQuery(ItemCodeParam, req.params.code);
    const { keywords } = parseBody(ItemKeywordsBody, req.body);
    res.json(presentItem(await saveItemKeywords(ctx, { code, keywords, by: user.username })));
  });
  return r;
}
