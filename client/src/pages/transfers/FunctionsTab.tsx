import { List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTransferFunctions } from '../../api/transfers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { FUNCTION_CATEGORIES } from '../../../../workflows/transferKinds';
import { Filters } from './Filters';

const PAGE_SIZE = 20;

/** 职能转移目录: each function with its unit, how it left, who took it, and its implementation plan. */
export function FunctionsTab() {
  const { t } = useTranslation('transfers');
  const [q, setQ] = useState<{ filters: Record<string, string | undefined>; page: number }>({ filters: {}, page: 1 });
  const found = useAsync(() => listTransferFunctions({ ...q.filters, page: q.page, pageSize: PAGE_SIZE }), [q]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Filters choices={[{ name: 'unit', options: [] }, { name: 'category', options: [...FUNCTION_CATEGORIES], words: 'category' }]} onSearch={(filters) => setQ({ filters, page: 1 })} />
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <List
        loading={found.loading}
        dataSource={found.data?.functions ?? []}
        locale={{ emptyText: t('none') }}
        data-testid="transfer-functions"
        footer={<span data-testid="transfers-total" data-total={found.data?.total ?? 0}>{t('total', { n: found.data?.total ?? 0 })}</span>}
        pagination={found.data && found.data.total > PAGE_SIZE ? { current: q.page, pageSize: PAGE_SIZE, total: found.data.total, showSizeChanger: false, size: 'small', onChange: (page) => setQ((x) => ({ ...x, page })) } : false}
        renderItem={(f) => (
          <List.Item key={f.id} data-testid="transfer-function">
            <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text strong>{f.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.code} · {f.unit.name} → {f.organisation.name}
              </Typography.Text>
              <Space wrap size={[4, 4]}>
                <Tag>{t(`category.${f.category}`)}</Tag>
                <Tag color={f.mode === 'commission' ? 'green' : 'blue'}>{t(`mode.${f.mode}`)}</Tag>
                <Tag>{t('field.transferredOn')} {f.transferredOn}</Tag>
                <Tag color={f.planIssued ? 'purple' : 'default'}>{t('field.plan')}：{f.planIssued ? t('planIssued') : t('planMissing')}</Tag>
                {f.agreements > 0 && <Tag color="gold">{t('field.agreementsHeld', { n: f.agreements })}</Tag>}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
