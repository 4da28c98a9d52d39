import { Alert, Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareVersions, listVersions, type PowerVersion } from '../../api/powers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { ComparisonView } from './ComparisonView';

/** 清单版本: every version with its figures (reviewed → published, cut), the totals by level, and two versions compared. */
export function VersionsScreen() {
  const { t } = useTranslation('powers');
  const all = useAsync(() => listVersions(), []);
  const [pair, setPair] = useState<{ from: number; to: number; page: number } | null>(null);
  const cmp = useAsync(() => (pair ? compareVersions(pair.from, pair.to, pair.page) : Promise.resolve(undefined)), [pair]);
  const [form] = Form.useForm<{ from: number; to: number }>();
  if (all.error) return <ErrorState error={all.error} onRetry={all.reload} />;
  const versions = all.data?.versions ?? [];
  const option = (v: PowerVersion) => ({ value: v.id, label: `${v.list.place} · ${v.name}` });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="power-versions-page">
      <Link to="/powers">{t('detail.back')}</Link>
      <Typography.Title level={1} className="page-title">
        {t('versions.title')}
      </Typography.Title>
      {Object.entries(all.data?.totals ?? {}).map(([level, x]) => (
        <Alert key={level} type="info" data-testid={`power-totals-${level}`} title={t('versions.totals', { level: t(`level.${level}`), reviewed: x.reviewed, published: x.published, cut: x.cut, percent: x.cutPercent })} />
      ))}
      <Card size="small">
        <Table<PowerVersion>
          size="small"
          rowKey="id"
          loading={all.loading}
          dataSource={versions}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('versions.columns.list'), key: 'list', render: (_, v) => v.list.place },
            { title: t('versions.columns.name'), key: 'name', render: (_, v) => v.name },
            { title: t('versions.columns.kind'), key: 'kind', render: (_, v) => t(`versionKind.${v.kind}`) },
            { title: t('versions.columns.state'), key: 'state', render: (_, v) => <Tag color={v.state === 'draft' ? 'orange' : 'green'}>{t(`state.${v.state}`)}</Tag> },
            { title: t('versions.columns.decidedOn'), key: 'on', render: (_, v) => v.decidedOn ?? '' },
            { title: t('versions.columns.entries'), key: 'entries', render: (_, v) => v.entries },
            { title: t('versions.columns.departments'), key: 'departments', render: (_, v) => v.departments },
            { title: t('versions.columns.reviewed'), key: 'reviewed', render: (_, v) => v.reviewed },
            { title: t('versions.columns.cut'), key: 'cut', render: (_, v) => v.cut ?? '' },
            { title: t('versions.columns.percent'), key: 'percent', render: (_, v) => (v.cutPercent === null ? '' : `${v.cutPercent}%`) },
          ]}
        />
      </Card>
      <Card size="small" title={t('versions.compare')}>
        <Form form={form} layout="inline" style={{ rowGap: 8 }} onFinish={(v) => setPair({ from: v.from, to: v.to, page: 1 })}>
          <Form.Item name="from" label={t('versions.from')} rules={[{ required: true, message: t('versions.from') }]}>
            <Select style={{ minWidth: 260 }} options={versions.map(option)} />
          </Form.Item>
          <Form.Item name="to" label={t('versions.to')} rules={[{ required: true, message: t('versions.to') }]}>
            <Select style={{ minWidth: 260 }} options={versions.map(option)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('versions.run')}
            </Button>
          </Form.Item>
        </Form>
        {cmp.error && <ErrorState error={cmp.error} onRetry={cmp.reload} />}
        {cmp.data && <ComparisonView data={cmp.data} loading={cmp.loading} onPage={(page) => setPair((p) => (p ? { ...p, page } : p))} />}
      </Card>
    </Space>
  );
}
