import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listVersions, searchPowers, type PowerEntry, type PowerFilters as Filters } from '../../api/powers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { PowerFilters } from './PowerFilters';

const PAGE_SIZE = 20;

/**
 * 权力清单, public, on a phone and a desktop: the published lists (the city's by
 * default), searchable by county, type, implementing body and words; the
 * totals and the number of bodies are the server's, counted from the rows.
 */
export function PowersScreen() {
  const { t } = useTranslation('powers');
  const wide = Grid.useBreakpoint().md ?? false;
  const [state, setState] = useState<{ filters: Filters; page: number }>({ filters: { level: 'city' }, page: 1 });
  const found = useAsync(() => searchPowers(state.filters, state.page, PAGE_SIZE), [state]);
  const versions = useAsync(() => listVersions({ level: 'county' }), []);
  const counties = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of versions.data?.versions ?? []) seen.set(v.list.jurisdiction, v.list.place);
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [versions.data]);
  const data = found.data;
  const pagination = data && data.total > data.pageSize ? { current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false, size: 'small' as const, onChange: (page: number) => setState((s) => ({ ...s, page })) } : false;
  const name = (p: PowerEntry) => <Link to={`/powers/${p.code}`}>{p.name}</Link>;
  const summary = (
    <span data-testid="powers-total" data-total={data?.total ?? 0} data-departments={data?.departments ?? 0}>
      {t('found', { total: data?.total ?? 0, departments: data?.departments ?? 0 })}
    </span>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="powers-page">
      <div>
        <Typography.Title level={1} className="page-title">
          <SafetyCertificateOutlined aria-hidden /> {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('intro')}
        </Typography.Paragraph>
        {/* The other accountability lists are linked from here, so one menu entry reaches them all. */}
        <Space wrap size="middle" data-testid="accountability-links">
          <Link to="/powers/versions">{t('versionsLink')}</Link>
          <Link to="/delegations">{t('delegationsLink')}</Link>
          <Link to="/transfers">{t('transfersLink')}</Link>
          <Link to="/ratings">{t('ratingsLink')}</Link>
        </Space>
      </div>
      <Card size="small">
        <PowerFilters value={state.filters} counties={counties} departments={data?.departmentCounts ?? []} onChange={(filters) => setState({ filters, page: 1 })} />
      </Card>
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <Card size="small" data-testid="powers-results" data-loading={found.loading ? 'true' : 'false'}>
        {wide ? (
          <Table<PowerEntry>
            size="middle"
            rowKey="code"
            loading={found.loading}
            dataSource={data?.powers ?? []}
            pagination={pagination}
            locale={{ emptyText: t('none') }}
            footer={() => summary}
            columns={[
              { title: t('columns.code'), key: 'code', render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{p.code}</span> },
              { title: t('columns.name'), key: 'name', render: (_, p) => name(p) },
              { title: t('columns.type'), key: 'type', render: (_, p) => <Tag>{p.type}</Tag> },
              { title: t('columns.department'), key: 'department', render: (_, p) => p.department.name },
              { title: t('columns.scope'), key: 'scope', responsive: ['lg'], render: (_, p) => p.scope ?? '' },
            ]}
          />
        ) : (
          <List<PowerEntry>
            loading={found.loading}
            dataSource={data?.powers ?? []}
            pagination={pagination}
            locale={{ emptyText: t('none') }}
            footer={summary}
            renderItem={(p) => (
              <List.Item key={p.code}>
                <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                  {name(p)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <Tag>{p.type}</Tag>
                    {p.department.name} · {p.code}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
