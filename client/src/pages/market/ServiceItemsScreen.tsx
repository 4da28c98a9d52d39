import { ProfileOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listServiceItems } from '../../api/marketAgencies';
import { departmentName, loadDepartments } from '../../api/reference';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

const PAGE_SIZE = 20;

/** The 121 kept intermediary service items, by department and name; each opens its approval items and agencies. */
export function ServiceItemsScreen() {
  const { t, i18n } = useTranslation('marketAgencies');
  const en = i18n.language === 'en';
  const [applied, setApplied] = useState<{ filters: { q?: string; department?: string }; page: number }>({ filters: {}, page: 1 });
  const found = useAsync(() => listServiceItems(applied.filters, applied.page, PAGE_SIZE), [applied]);
  const departments = useAsync(loadDepartments, []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="market-service-items">
      <div>
        <Typography.Title level={1} className="page-title">
          <ProfileOutlined aria-hidden /> {t('items.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('items.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Form layout="inline" onFinish={(f: { q?: string; department?: string }) => setApplied({ filters: { q: f.q?.trim() || undefined, department: f.department }, page: 1 })} style={{ rowGap: 8 }}>
          <Form.Item name="q" label={t('items.q')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="department" label={t('items.department')}>
            <Select allowClear placeholder={t('items.anyDepartment')} style={{ width: 200 }} options={(departments.data ?? []).map((d) => ({ value: d.code, label: en ? d.nameEn : d.name }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('list.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <Card size="small" data-testid="service-item-results" data-total={found.data?.total ?? ''}>
        <Typography.Text strong>{t('items.total', { total: found.data?.total ?? 0 })}</Typography.Text>
        <Table
          size="small"
          rowKey="code"
          loading={found.loading}
          scroll={{ x: true }}
          dataSource={found.data?.serviceItems ?? []}
          pagination={{ current: applied.page, pageSize: PAGE_SIZE, total: found.data?.total, showSizeChanger: false, onChange: (page) => setApplied((s) => ({ ...s, page })) }}
          columns={[
            { title: t('items.code'), dataIndex: 'code', width: 90 },
            { title: t('items.name'), key: 'name', render: (_: unknown, s) => <Link to={`/market/service-items/${s.code}`}>{s.name}</Link> },
            { title: t('items.category'), key: 'cat', render: (_: unknown, s) => t(`category.${s.category}`) },
            { title: t('items.department'), key: 'dept', render: (_: unknown, s) => departmentName(departments.data, s.department, en) },
            { title: t('items.paid'), key: 'paid', render: (_: unknown, s) => (s.governmentPaid ? <Tag color="gold">{t('items.governmentPaid')}</Tag> : <Tag>{t('items.ownerPaid')}</Tag>) },
          ]}
        />
      </Card>
    </Space>
  );
}
