import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api/http';
import { departmentName, loadDepartments } from '../../api/reference';
import type { ItemsPage } from '../../api/types';
import { errorText } from '../../components/errorText';
import { useAsync } from '../../components/useAsync';

const PAGE_SIZE = 10;

/**
 * Find an item: search, filter by department and by where it can be filed; filters live in the URL.
 * The citizen's first page, so it is built of plain elements styled in styles.css (`.catalogue…`), not antd:
 * it paints on a phone without waiting for antd (docs/web.md, "First paint"); the server paints its first
 * page into the HTML before any script runs (server/http/catalogueShell.ts).
 */
export function CatalogueScreen() {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const en = i18n.language === 'en';
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const department = params.get('department') ?? '';
  const where = params.get('where') ?? '';
  const linked = params.get('linked') ?? '';
  const filtered = Boolean(q || department || where || linked);
  const page = Number(params.get('page') ?? 1) || 1;
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const deps = useAsync(loadDepartments, []);
  const items = useAsync(
    () => api<ItemsPage>('GET', `/api/items${qs({ q, department, acceptLevel: where, linked, page, pageSize: PAGE_SIZE })}`),
    [q, department, where, linked, page],
  );
  const pages = items.data ? Math.ceil(items.data.total / PAGE_SIZE) : 0;
  return (
    <div className="catalogue">
      <div className="catalogue-head">
        <h1 className="page-title">{t('catalogue.title')}</h1>
        <Link to="/track">{t('catalogue.trackLink')}</Link>
      </div>
      {/* The three steps explain the site on a desktop; on a phone the search comes first (styles.css). */}
      <ol className="catalogue-how" aria-label={t('catalogue.howTitle')}>
        {(['1', '2', '3'] as const).map((n) => (
          <li key={n}>
            <strong>{t(`catalogue.how${n}`)}</strong>
            <span>{t(`catalogue.how${n}d`)}</span>
          </li>
        ))}
      </ol>
      <form
        role="search"
        className="catalogue-search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: String(new FormData(e.currentTarget).get('q') ?? '').trim() });
        }}
      >
        <input type="search" name="q" aria-label={t('common:search')} placeholder={t('catalogue.searchPlaceholder')} defaultValue={q} key={q} />
        <button type="submit" className="btn-primary">
          {t('common:search')}
        </button>
      </form>
      <div className="catalogue-filters">
        <select aria-label={t('catalogue.department')} value={department} onChange={(e) => update({ department: e.target.value })}>
          <option value="">{`${t('catalogue.department')}: ${t('common:all')}`}</option>
          {(deps.data ?? []).map((d) => (
            <option key={d.code} value={d.code}>
              {en ? d.nameEn : d.name}
            </option>
          ))}
        </select>
        <select aria-label={t('catalogue.where')} value={where} onChange={(e) => update({ where: e.target.value })}>
          <option value="">{`${t('catalogue.where')}: ${t('catalogue.whereAny')}`}</option>
          <option value="village">{t('catalogue.whereVillage')}</option>
          <option value="town">{t('catalogue.whereTown')}</option>
        </select>
        <label className="catalogue-check">
          <input type="checkbox" checked={linked === 'true'} onChange={(e) => update({ linked: e.target.checked ? 'true' : '' })} />
          {t('words.linkedOnly')}
        </label>
      </div>
      {items.error ? (
        <div role="alert" className="catalogue-error">
          {errorText(items.error, t)}{' '}
          <button type="button" onClick={() => void items.reload()}>
            {t('common:retry')}
          </button>
        </div>
      ) : (
        <section className="catalogue-list" aria-busy={items.loading}>
          {items.data && <p className="muted">{t('catalogue.total', { n: items.data.total })}</p>}
          {items.data?.items.length === 0 && (
            <div className="catalogue-empty" data-testid="catalogue-empty">
              <p>{filtered ? t('words.emptyHint') : t('catalogue.empty')}</p>
              {filtered && (
                <button type="button" className="btn-primary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                  {t('words.clearFilters')}
                </button>
              )}
            </div>
          )}
          <ul>
            {(items.data?.items ?? []).map((item) => (
              <li key={item.code} data-testid="catalogue-item">
                <Link to={`/items/${item.code}`} className="catalogue-name">
                  {item.name}
                </Link>
                <div className="catalogue-meta">
                  <span className="muted">{item.code}</span>
                  <span className="tag">{departmentName(deps.data, item.department, en)}</span>
                  <span className="tag tag-blue">{t('catalogue.decidedAt', { level: t(`common:levelFull.${item.decideLevel}`) })}</span>
                  {item.linked && (
                    <span className="tag tag-purple" title={t('catalogue.linkedHint')}>
                      {t('catalogue.linked')}
                    </span>
                  )}
                  {item.online && <span className="tag tag-green">{t('catalogue.online')}</span>}
                  <span className="muted">{t('catalogue.promised', { n: item.promisedDays })}</span>
                  {q && !item.name.includes(q) && item.keywords.some((k) => k.includes(q)) && (
                    <span className="muted" data-testid="also-known-as">
                      {t('words.alsoKnownAs', { words: item.keywords.filter((k) => k.includes(q)).join('、') })}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="catalogue-pager" aria-label={t('catalogue.pager')}>
              <button type="button" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                {t('catalogue.prev')}
              </button>
              <span>{t('catalogue.pageOf', { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
                {t('catalogue.next')}
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
