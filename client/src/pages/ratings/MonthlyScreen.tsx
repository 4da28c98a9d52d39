import { DatePicker, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMonthly, type MonthlyRow } from '../../api/ratings';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

const PAGE_SIZE = 20;

/** 好差评 每月结果公示: public, per month and department, every figure counted by the server from the ratings. */
export function MonthlyScreen() {
  const { t } = useTranslation('ratings');
  const [month, setMonth] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const data = useAsync(() => getMonthly({ month, page, pageSize: PAGE_SIZE }), [month, page]);
  const pct = (r: MonthlyRow) => (r.ratings ? `${Math.round((r.satisfied / r.ratings) * 1000) / 10}%` : '—');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ratings-monthly">
      <div>
        <Typography.Title level={1} className="page-title">
          {t('monthly.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('monthly.subtitle')}</Typography.Text>
      </div>
      <DatePicker
        picker="month"
        aria-label={t('monthly.monthFilter')}
        placeholder={t('monthly.monthFilter')}
        onChange={(d) => {
          setMonth(d ? d.format('YYYY-MM') : undefined);
          setPage(1);
        }}
      />
      {data.error && <ErrorState error={data.error} onRetry={() => void data.reload()} />}
      <Table<MonthlyRow>
        size="small"
        rowKey={(r) => `${r.month}-${r.department}`}
        loading={data.loading}
        dataSource={data.data?.results ?? []}
        locale={{ emptyText: t('monthly.empty') }}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('monthly.month'), dataIndex: 'month', key: 'month' },
          { title: t('monthly.department'), dataIndex: 'departmentName', key: 'department' },
          { title: t('monthly.ratings'), dataIndex: 'ratings', key: 'ratings' },
          { title: t('monthly.average'), dataIndex: 'average', key: 'average' },
          { title: t('monthly.satisfiedRate'), key: 'satisfied', render: (_: unknown, r: MonthlyRow) => pct(r) },
          { title: t('monthly.bad'), dataIndex: 'bad', key: 'bad' },
          { title: t('monthly.rectified'), dataIndex: 'rectified', key: 'rectified' },
        ]}
      />
    </Space>
  );
}
