import { Button, Collapse, Grid, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/http';
import { departmentName, loadDepartments, type Department } from '../../api/reference';
import type { ItemsPage, ItemView, Level } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { ImportPanel } from './ImportPanel';
import { ItemDrawer } from './ItemDrawer';

const LEVELS: Level[] = ['province', 'city', 'county', 'town', 'village'];

/** The levels a case climbs, from acceptance to decision: what "linked" means at a glance. */
export function routeLevels(item: ItemView): Level[] {
  const upTo = item.route.findIndex((s) => s.kind === 'decide');
  return [...new Set(item.route.slice(0, upTo + 1).map((s) => s.level))];
}

/** The catalogue as the administrator sees it: search, filter, page, open an item; import CSV above. */
export function CatalogueTab() {
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [filter, setFilter] = useState({ q: '', department: '', level: '', linked: '' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<ItemView>();
  // On a phone the code, level and days columns fold under the name instead.
  const narrow = !Grid.useBreakpoint().md;
  const [departments, setDepartments] = useState<Department[]>();
  useEffect(() => {
    loadDepartments().then(setDepartments, () => setDepartments([]));
  }, []);
  const items = useAsync(() => api<ItemsPage>('GET', `/api/items${qs({ ...filter, ...page })}`), [filter, page]);
  const change = (next: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: TableColumnsType<ItemView> = [
    { title: t('catalogue.code'), dataIndex: 'code', width: 150, responsive: ['md'] },
    {
      title: t('catalogue.name'),
      dataIndex: 'name',
      render: (name: string, item) => (
        <>
          <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} aria-label={t('catalogue.open', { name })} onClick={() => setOpen(item)}>
            {name}
          </Button>
          {narrow ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {item.code} · {tc(`levelFull.${item.decideLevel}`)} · {item.promisedDays} / {item.statutoryDays}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('catalogue.department'), dataIndex: 'department', responsive: ['lg'], render: (d: string) => departmentName(departments, d, en) },
    { title: t('catalogue.decideLevel'), dataIndex: 'decideLevel', width: 100, responsive: ['md'], render: (l: Level) => tc(`levelFull.${l}`) },
    { title: t('catalogue.route'), key: 'route', responsive: ['md'], render: (_, item) => routeLevels(item).map((l) => tc(`levelFull.${l}`)).join(' → ') },
    { title: t('catalogue.days'), key: 'days', responsive: ['md'], render: (_, i) => `${i.promisedDays} / ${i.statutoryDays}` },
    { title: t('catalogue.fee'), dataIndex: 'feeYuan', responsive: ['lg'], render: (n: number) => (n > 0 ? tc('yuan', { n: n.toFixed(2) }) : tc('free')) },
    { title: t('catalogue.linked'), dataIndex: 'linked', width: 90, render: (v: boolean) => (v ? <Tag color="blue">{t('catalogue.yes')}</Tag> : <Tag>{t('catalogue.no')}</Tag>) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Collapse items={[{ key: 'import', label: t('import.title'), children: <ImportPanel onImported={() => void items.reload()} /> }]} />
      <Space wrap>
        <Input.Search allowClear placeholder={t('catalogue.search')} aria-label={t('catalogue.search')} onSearch={(q) => change({ q: q.trim() })} style={{ width: 260 }} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('catalogue.department')}
          aria-label={t('catalogue.department')}
          style={{ width: 180 }}
          options={(departments ?? []).map((d) => ({ value: d.code, label: en ? d.nameEn : d.name }))}
          onChange={(v?: string) => change({ department: v ?? '' })}
        />
        <Select
          allowClear
          placeholder={t('catalogue.decideLevel')}
          aria-label={t('catalogue.decideLevel')}
          style={{ width: 130 }}
          options={LEVELS.map((l) => ({ value: l, label: tc(`levelFull.${l}`) }))}
          onChange={(v?: string) => change({ level: v ?? '' })}
        />
        <Select
          allowClear
          placeholder={t('catalogue.linked')}
          aria-label={t('catalogue.linked')}
          style={{ width: 140 }}
          options={[
            { value: 'true', label: t('catalogue.linkedOnly') },
            { value: 'false', label: t('catalogue.notLinked') },
          ]}
          onChange={(v?: string) => change({ linked: v ?? '' })}
        />
      </Space>
      {items.error ? <ErrorState error={items.error} onRetry={() => void items.reload()} /> : null}
      <Table<ItemView>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={items.data?.items}
        loading={items.loading}
        onRow={(item) => ({ onClick: () => setOpen(item), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: items.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('catalogue.total', { n }),
          onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
        }}
      />
      <ItemDrawer item={open} departments={departments} onClose={() => setOpen(undefined)} />
    </Space>
  );
}
