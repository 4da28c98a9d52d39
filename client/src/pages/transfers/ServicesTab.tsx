import { List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTransferServices } from '../../api/transfers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { SERVICE_CATEGORIES } from '../../../../workflows/transferKinds';
import { Filters } from './Filters';

const PAGE_SIZE = 20;

/** 政府购买服务目录: the services the government buys (every function transferred by commission), by class. */
export function ServicesTab() {
  const { t } = useTranslation('transfers');
  const [q, setQ] = useState<{ filters: Record<string, string | undefined>; page: number }>({ filters: {}, page: 1 });
  const found = useAsync(() => listTransferServices({ ...q.filters, page: q.page, pageSize: PAGE_SIZE }), [q]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Filters choices={[{ name: 'unit', options: [] }, { name: 'category', options: [...SERVICE_CATEGORIES], words: 'serviceCategory' }]} onSearch={(filters) => setQ({ filters, page: 1 })} />
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <List
        loading={found.loading}
        dataSource={found.data?.services ?? []}
        locale={{ emptyText: t('none') }}
        data-testid="transfer-services"
        footer={<span data-testid="transfers-total" data-total={found.data?.total ?? 0}>{t('total', { n: found.data?.total ?? 0 })}</span>}
        pagination={found.data && found.data.total > PAGE_SIZE ? { current: q.page, pageSize: PAGE_SIZE, total: found.data.total, showSizeChanger: false, size: 'small', onChange: (page) => setQ((x) => ({ ...x, page })) } : false}
        renderItem={(s) => (
          <List.Item key={s.code}>
            <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text strong>{s.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.code} · {s.unit.name}{s.functionCode ? ` · ${s.functionCode}` : ''}</Typography.Text>
              <Tag>{t(`serviceCategory.${s.category}`)}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
