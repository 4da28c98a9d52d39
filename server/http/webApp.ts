import compression from 'compression';
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { catalogueShell, indexHtml } from './catalogueShell';

/** Where `vite build` puts the web app (client/vite.config.ts). */
export const WEB_APP_DIR = path.resolve(__dirname, '../../client/dist');

/**
 * The built web app: its hashed assets, and index.html for every other GET
 * for a page path (no file extension), so a reloaded or shared deep link (/track/…) opens.
 * Without a build, a page says how to make one instead of a bare 404.
 */
export function webApp(db: Knex): Router {
  const r = Router();
  // The bundles shrink to about a quarter, which matters on a phone; API answers are small and stay plain.
  r.use(compression());
  const index = path.join(WEB_APP_DIR, 'index.html');
  r.use(express.static(WEB_APP_DIR, { index: false, maxAge: '1y', immutable: true }));
  r.get('/{*page}', async (req, res, next) => {
    // A missing file (with an extension) is a 404, not the app: only page paths get index.html. File
    // extensions have a lower-case letter; the tail of an e-licence identifier (/licences/1.2.156….001.P) has none.
    if (/[a-z]/.test(path.extname(req.path)) || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built: run `npm run build` (npm start does it).');
      return;
    }
    // The catalogue's first page comes drawn into the HTML (catalogueShell.ts); every page gets its styles inline.
    const first = req.path === '/' && Object.keys(req.query).length === 0;
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(first ? await catalogueShell(db, WEB_APP_DIR) : indexHtml(WEB_APP_DIR));
  });
  return r;
}
