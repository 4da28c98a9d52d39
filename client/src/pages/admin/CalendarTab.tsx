import { Card, Empty, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { CalendarYearForm } from './CalendarYearForm';

/** The working-day calendar: which years it covers, and a form to add (or replace) one. */
export function CalendarTab() {
  const { t } = useTranslation('admin');
  const years = useAsync(() => api<{ years: number[] }>('GET', '/api/calendar/years').then((r) => r.years), []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('calendar.covered')}>
        {years.error ? <ErrorState error={years.error} onRetry={() => void years.reload()} /> : null}
        {years.loading && !years.data ? <Spin /> : null}
        {years.data && years.data.length === 0 ? <Empty description={t('calendar.noYears')} /> : null}
        <Space size={[4, 8]} wrap role="list" aria-label={t('calendar.covered')}>
          {(years.data ?? []).map((y) => (
            <Tag key={y} color="blue" role="listitem">
              {y}
            </Tag>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('calendar.add')}>
        <CalendarYearForm years={years.data ?? []} onSaved={() => void years.reload()} />
      </Card>
    </Space>
  );
}
