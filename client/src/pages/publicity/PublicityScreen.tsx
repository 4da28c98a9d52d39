import { AuditOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchRegister, type RegisterFilters } from '../../api/publicity';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { ExportPanel } from './ExportPanel';
import { PublicityFilters } from './PublicityFilters';
import { PublicityResults } from './PublicityResults';

const PAGE_SIZE = 20;

/**
 * 行政许可公示, public, on a phone and a desktop: every licence granted,
 * within 7 working days of its decision (行政许可法 Art. 40), searchable, with
 * its licence's status as it stands now, and the credit platform's exports of
 * what the search finds. The filters stay in the screen, not the address.
 */
export function PublicityScreen() {
  const { t } = useTranslation('publicity');
  const [applied, setApplied] = useState<{ filters: RegisterFilters; page: number }>({ filters: {}, page: 1 });
  const found = useAsync(() => searchRegister(applied.filters, applied.page, PAGE_SIZE), [applied]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="publicity-page">
      <div>
        <Typography.Title level={1} className="page-title">
          <AuditOutlined aria-hidden /> {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <PublicityFilters onSearch={(filters) => setApplied({ filters, page: 1 })} />
      </Card>
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <Card size="small" data-testid="publicity-results" data-loading={found.loading ? 'true' : 'false'}>
        <PublicityResults data={found.data} loading={found.loading} onPage={(page) => setApplied((a) => ({ ...a, page }))} />
      </Card>
      <ExportPanel filters={applied.filters} />
    </Space>
  );
}
