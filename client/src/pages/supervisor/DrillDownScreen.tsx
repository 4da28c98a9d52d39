import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/http';
import type { CaseRowView } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { CaseResults, type CasePage } from '../desk/CaseResults';
import { drillFromQuery, drillQuery, type DrillFilter } from './drillDown';

/**
 * The cases behind a number of the dashboard (the address holds the
 * filters: client/src/pages/supervisor/drillDown.ts), newest first; each
 * row opens the case, read-only unless the viewer's desk works its step.
 */
export function DrillDownScreen() {
  const { t, i18n } = useTranslation(['search', 'common']);
  const en = i18n.language === 'en';
  const user = useUser()!;
  const [params, setParams] = useSearchParams();
  const filter = drillFromQuery(params, user.jurisdictionCode);
  const page = Number(params.get('page')) || 1;
  const query = drillQuery(filter);
  const list = useAsync(() => api<CasePage<CaseRowView>>('GET', `/api/cases?${query}&page=${page}&pageSize=20`), [query, page]);
  const names = useJurisdictionNames([filter.scope], en);
  const back = `/supervisor?scope=${filter.scope}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} className="page-title">
            {`${names[filter.scope] ?? ''} · ${t('drill.title')}`}
          </Typography.Title>
          <Flex wrap gap={4} role="list" aria-label={t('drill.filters')} data-testid="drill-filters">
            {describe(filter, names[filter.scope] ?? filter.scope, t).map((w) => (
              <Tag key={w} role="listitem">
                {w}
              </Tag>
            ))}
          </Flex>
        </div>
        <Link to={back}>{t('drill.back')}</Link>
      </Flex>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <CaseResults<CaseRowView>
          data={list.data}
          loading={list.loading}
          empty={t('drill.empty')}
          onPage={(p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          }}
          testId="drill-row"
        />
      </Card>
    </Space>
  );
}

/** The filters in words, for the heading. */
function describe(f: DrillFilter, scopeName: string, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  const words = [t('drill.scope', { name: scopeName })];
  if (f.centre) words.push(t('drill.centre'));
  if (f.open) words.push(t('drill.open'));
  if (f.overdue) words.push(t('drill.overdue'));
  if (f.light) words.push(t('drill.light', { light: t(`common:light.${f.light}`) }));
  if (f.stepLight) words.push(t('drill.stepLight', { light: t(`common:light.${f.stepLight}`) }));
  if (f.level) words.push(t('drill.level', { level: t(`common:levelFull.${f.level}`) }));
  if (f.accepted) words.push(t('drill.accepted'));
  if (f.decided) words.push(t('drill.decided'));
  if (f.linked !== undefined) words.push(t(f.linked ? 'drill.linked' : 'drill.unlinked'));
  if (f.filedFrom) words.push(t('drill.filedFrom', { from: f.filedFrom }));
  if (words.length === 1) words.push(t('drill.all'));
  return words;
}
