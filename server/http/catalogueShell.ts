import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { listDepartments } from '../../db/repositories/departments';
import { searchItems } from '../../db/repositories/items';
import { presentItem } from '../presenters/misc';

/**
 * The citizen's first page painted by the HTML itself (issue 9 §6: first contentful paint on a phone
 * before the scripts arrive). index.html is served with its stylesheet inlined (one round trip fewer
 * before anything shows) and, for `/`, the catalogue's first page as plain markup in #root plus the same
 * data as JSON (#boot-data), which the app's first GETs take instead of asking again (client/src/api/boot.ts).
 * React replaces the markup when it starts. The markup's few words are the default language's (zh): the
 * server cannot read the client's i18n (imports never run upward), and React redraws in English at once.
 */

/** What the client asks first, by the exact path it asks with (CatalogueScreen, api/reference.ts). */
export const FIRST_PAGE = { items: '/api/items?page=1&pageSize=10', departments: '/api/departments' } as const;

const LEVEL: Record<string, string> = { province: '省级', city: '市级', county: '县级', town: '乡镇级', village: '村级' };

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON that cannot close the <script> element it sits in. */
const jsonIn = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

let cached: { file: string; mtimeMs: number; html: string } | null = null;

/** index.html with its stylesheet links replaced by the stylesheets themselves; re-read after a rebuild. */
export function indexHtml(dir: string): string {
  const file = path.join(dir, 'index.html');
  const { mtimeMs } = statSync(file);
  if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.html;
  const html = readFileSync(file, 'utf8').replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (link, href: string) => {
    try {
      return `<style>${readFileSync(path.join(dir, href), 'utf8')}</style>`;
    } catch {
      return link;
    }
  });
  cached = { file, mtimeMs, html };
  return html;
}

/** index.html for `/`: the catalogue's first page drawn in, and its data for the app's first requests. */
export async function catalogueShell(db: Knex, dir: string): Promise<string> {
  const [found, departments] = await Promise.all([searchItems(db, { limit: 10, offset: 0 }), listDepartments(db)]);
  const items = found.items.map(presentItem);
  const dept = new Map(departments.map((d) => [d.code, d.name]));
  const rows = items
    .map(
      (i) =>
        `<li><a class="catalogue-name" href="/items/${encodeURIComponent(i.code)}">${esc(i.name)}</a><div class="catalogue-meta">` +
        `<span class="muted">${esc(i.code)}</span><span class="tag">${esc(dept.get(i.department) ?? i.department)}</span>` +
        `<span class="tag tag-blue">${esc(LEVEL[i.decideLevel] ?? i.decideLevel)}审批</span>` +
        (i.linked ? '<span class="tag tag-purple">联动事项</span>' : '') +
        (i.online ? '<span class="tag tag-green">可网上申请</span>' : '') +
        `<span class="muted">承诺 ${esc(i.promisedDays)} 个工作日</span></div></li>`,
    )
    .join('');
  const shell =
    '<div class="app"><header class="app-header"><a href="/" class="app-brand"><span class="full">温州市五级联动审批</span><span class="short">联动审批</span></a></header>' +
    '<main class="app-content"><div class="catalogue catalogue-shell"><div class="catalogue-head"><h1 class="page-title">办事指南</h1><a href="/track">已经申请？查询办理进度 →</a></div>' +
    `<section class="catalogue-list"><p class="muted">共 ${found.total} 项</p><ul>${rows}</ul></section></div></main></div>`;
  const boot = {
    [FIRST_PAGE.items]: { total: found.total, page: 1, pageSize: 10, items },
    [FIRST_PAGE.departments]: { departments },
  };
  return indexHtml(dir)
    .replace(/<title>([^<]*)<\/title>/, '<title>办事指南 - $1</title>')
    .replace('<div id="root"></div>', `<div id="root">${shell}</div><script type="application/json" id="boot-data">${jsonIn(boot)}</script>`);
}
