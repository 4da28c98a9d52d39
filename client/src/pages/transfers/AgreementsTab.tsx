import { List, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTransferAgreements } from '../../api/transfers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { AgreementLine } from './AgreementLine';
import { Filters } from './Filters';

const PAGE_SIZE = 20;

/** The agreements between units and organisations, newest signature first. */
export function AgreementsTab() {
  const { t } = useTranslation('transfers');
  const [q, setQ] = useState<{ filters: Record<string, string | undefined>; page: number }>({ filters: {}, page: 1 });
  const found = useAsync(() => listTransferAgreements({ ...q.filters, page: q.page, pageSize: PAGE_SIZE }), [q]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Filters choices={[{ name: 'unit', options: [] }]} onSearch={(filters) => setQ({ filters, page: 1 })} />
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <List
        loading={found.loading}
        dataSource={found.data?.agreements ?? []}
        locale={{ emptyText: t('none') }}
        data-testid="transfer-agreements"
        footer={<span data-testid="transfers-total" data-total={found.data?.total ?? 0}>{t('total', { n: found.data?.total ?? 0 })}</span>}
        pagination={found.data && found.data.total > PAGE_SIZE ? { current: q.page, pageSize: PAGE_SIZE, total: found.data.total, showSizeChanger: false, size: 'small', onChange: (page) => setQ((x) => ({ ...x, page })) } : false}
        renderItem={(a) => <List.Item key={a.id}><AgreementLine a={a} /></List.Item>}
      />
    </Space>
  );
}
