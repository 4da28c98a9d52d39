import { Card, Flex, Grid, Input, List, Select, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api/http';
import { departmentName, loadDepartments } from '../../api/reference';
import type { ItemsPage } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

const PAGE_SIZE = 10;

/** Find an item: search, filter by department and by where it can be filed; filters live in the URL. */
export function CatalogueScreen() {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const en = i18n.language === 'en';
  const [params, setParams] = useSearchParams();
  // The three steps explain the site on a desktop; on a phone the search comes first.
  const wide = Grid.useBreakpoint().md;
  const q = params.get('q') ?? '';
  const department = params.get('department') ?? '';
  const where = params.get('where') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const deps = useAsync(loadDepartments, []);
  const items = useAsync(
    () => api<ItemsPage>('GET', `/api/items${qs({ q, department, acceptLevel: where, page, pageSize: PAGE_SIZE })}`),
    [q, department, where, page],
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="baseline" wrap gap="small">
        <Typography.Title level={1} className="page-title">
          {t('catalogue.title')}
        </Typography.Title>
        <Link to="/track">{t('catalogue.trackLink')}</Link>
      </Flex>
      {wide && (
      <Steps
        size="small"
        current={-1}
        aria-label={t('catalogue.howTitle')}
        items={[
          { title: t('catalogue.how1'), content: t('catalogue.how1d') },
          { title: t('catalogue.how2'), content: t('catalogue.how2d') },
          { title: t('catalogue.how3'), content: t('catalogue.how3d') },
        ]}
      />
      )}
      <Input.Search
        aria-label={t('common:search')}
        placeholder={t('catalogue.searchPlaceholder')}
        defaultValue={q}
        allowClear
        enterButton={t('common:search')}
        size="large"
        onSearch={(v) => update({ q: v.trim() })}
      />
      <Flex gap="small" wrap>
        <Select
          aria-label={t('catalogue.department')}
          style={{ minWidth: 200, flex: 1 }}
          value={department}
          showSearch
          optionFilterProp="label"
          loading={deps.loading}
          onChange={(v) => update({ department: v })}
          options={[{ value: '', label: `${t('catalogue.department')}: ${t('common:all')}` }, ...(deps.data ?? []).map((d) => ({ value: d.code, label: en ? d.nameEn : d.name }))]}
        />
        <Select
          aria-label={t('catalogue.where')}
          style={{ minWidth: 200, flex: 1 }}
          value={where}
          onChange={(v) => update({ where: v })}
          options={[
            { value: '', label: `${t('catalogue.where')}: ${t('catalogue.whereAny')}` },
            { value: 'village', label: t('catalogue.whereVillage') },
            { value: 'town', label: t('catalogue.whereTown') },
          ]}
        />
      </Flex>
      {items.error ? (
        <ErrorState error={items.error} onRetry={items.reload} />
      ) : (
        <Card size="small">
          <List
            loading={items.loading}
            locale={{ emptyText: t('catalogue.empty') }}
            dataSource={items.data?.items ?? []}
            header={items.data ? <Typography.Text type="secondary">{t('catalogue.total', { n: items.data.total })}</Typography.Text> : null}
            pagination={
              items.data && items.data.total > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: items.data.total, showSizeChanger: false, onChange: (p) => update({ page: String(p) }) }
                : false
            }
            renderItem={(item) => (
              <List.Item key={item.code} data-testid="catalogue-item">
                <List.Item.Meta
                  title={<Link to={`/items/${item.code}`}>{item.name}</Link>}
                  description={
                    <Space size={[4, 4]} wrap>
                      <Typography.Text type="secondary">{item.code}</Typography.Text>
                      <Tag>{departmentName(deps.data, item.department, en)}</Tag>
                      <Tag color="blue">{t('catalogue.decidedAt', { level: t(`common:levelFull.${item.decideLevel}`) })}</Tag>
                      {item.linked && (
                        <Tag color="purple" title={t('catalogue.linkedHint')}>
                          {t('catalogue.linked')}
                        </Tag>
                      )}
                      {item.online && <Tag color="green">{t('catalogue.online')}</Tag>}
                      <Typography.Text type="secondary">{t('catalogue.promised', { n: item.promisedDays })}</Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
