import { Card, InputNumber, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getProxyStats, type AgentFigures } from '../../api/proxyOrders';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

/** Supervisors: per agent of their jurisdiction, orders, completed, open, declines, time to accept, time to finish, rating. */
export function ProxySupervisionScreen() {
  const { t } = useTranslation('proxy');
  const [year, setYear] = useState<number | undefined>(2015);
  const stats = useAsync(() => getProxyStats(year), [year]);
  if (stats.error) return <ErrorState error={stats.error} onRetry={stats.reload} />;
  const s = stats.data;
  const n = (v: number | null) => (v == null ? '—' : v);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="proxy-supervision">
      <Typography.Title level={1} className="page-title">{t('supervision.title')}</Typography.Title>
      <Space>
        <label htmlFor="proxy-year">{t('supervision.year')}</label>
        <InputNumber id="proxy-year" aria-label={t('supervision.year')} min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} data-testid="proxy-year" />
      </Space>
      {s && (
        <Space wrap size="large">
          <Card size="small"><Statistic title={t('supervision.orders')} value={s.totals.orders} /></Card>
          <Card size="small"><Statistic title={t('supervision.completed')} value={s.totals.completed} data-testid="proxy-completed-total" /></Card>
          <Card size="small"><Statistic title={t('supervision.open')} value={s.totals.open} /></Card>
          <Card size="small"><Statistic title={t('supervision.stopped')} value={s.totals.stopped} /></Card>
        </Space>
      )}
      <Table<AgentFigures>
        size="small"
        rowKey="agentId"
        loading={!s}
        dataSource={s?.agents ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
        columns={[
          { title: t('field.agent'), dataIndex: 'name' },
          { title: t('field.post'), dataIndex: 'post' },
          { title: t('supervision.orders'), dataIndex: 'orders', sorter: (a, b) => a.orders - b.orders },
          { title: t('supervision.completed'), dataIndex: 'completed' },
          { title: t('supervision.open'), dataIndex: 'open' },
          { title: t('supervision.declined'), dataIndex: 'declined' },
          { title: t('supervision.acceptHours'), dataIndex: 'avgAcceptHours', render: n, sorter: (a, b) => (a.avgAcceptHours ?? 0) - (b.avgAcceptHours ?? 0) },
          { title: t('supervision.finishDays'), dataIndex: 'avgFinishDays', render: n, sorter: (a, b) => (a.avgFinishDays ?? 0) - (b.avgFinishDays ?? 0) },
          { title: t('supervision.avgRating'), dataIndex: 'avgRating', render: n, sorter: (a, b) => (a.avgRating ?? 0) - (b.avgRating ?? 0) },
        ]}
      />
    </Space>
  );
}
