import { ShopOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listAgencies, loadAllServiceItems, loadMarketAreas, type AgencyFilters } from '../../api/marketAgencies';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useMarketLive } from '../../live/socket';
import { AgencyStars, AgencyStateTag } from './AgencyBits';

const PAGE_SIZE = 20;
const PUBLISHED = ['listed', 'suspended', 'expelled', 'appealing'];

/** The public list of agencies, best rated first, with filters (the expelled list is status=expelled); live on the market room. */
export function AgenciesScreen() {
  const { t, i18n } = useTranslation('marketAgencies');
  const en = i18n.language === 'en';
  const [applied, setApplied] = useState<{ filters: AgencyFilters; page: number }>({ filters: {}, page: 1 });
  const found = useAsync(() => listAgencies(applied.filters, applied.page, PAGE_SIZE), [applied]);
  const items = useAsync(loadAllServiceItems, []);
  const areas = useAsync(loadMarketAreas, []);
  const live = useMarketLive({ onAgency: () => void found.reload() });
  const [form] = Form.useForm<AgencyFilters>();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="market-agencies">
      <div>
        <Typography.Title level={1} className="page-title">
          <ShopOutlined aria-hidden /> {t('list.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('list.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <LiveBadge status={live} />
          <Link to="/market/service-items">{t('nav.serviceItems')}</Link>
          <Link to="/market/register">{t('nav.register')}</Link>
        </Space>
      </div>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={(f) => setApplied({ filters: { ...f, q: f.q?.trim() || undefined }, page: 1 })} style={{ rowGap: 8 }}>
          <Form.Item name="q" label={t('list.q')}>
            <Input allowClear data-testid="agency-q" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="status" label={t('list.status')}>
            <Select allowClear placeholder={t('list.allPublished')} style={{ width: 150 }} data-testid="agency-status" options={PUBLISHED.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
          </Form.Item>
          <Form.Item name="serviceItem" label={t('list.serviceItem')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 240 }} options={(items.data ?? []).map((s) => ({ value: s.code, label: `${s.name}` }))} />
          </Form.Item>
          <Form.Item name="area" label={t('list.area')}>
            <Select allowClear placeholder={t('list.anyArea')} style={{ width: 150 }} options={(areas.data ?? []).map((a) => ({ value: a.code, label: en && a.nameEn ? a.nameEn : a.name }))} />
          </Form.Item>
          <Form.Item name="onSite" valuePropName="checked">
            <Checkbox data-testid="agency-onsite">{t('list.onSite')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="agency-search">
              {t('list.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <Card size="small" data-testid="agency-results" data-loading={found.loading ? 'true' : 'false'} data-total={found.data?.total ?? ''}>
        <Typography.Text strong>{t('list.total', { total: found.data?.total ?? 0 })}</Typography.Text>
        <List
          loading={found.loading && !found.data}
          dataSource={found.data?.agencies ?? []}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="agency-row" data-id={a.id}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/market/agencies/${a.id}`}>{a.name}</Link>
                  <AgencyStateTag state={a.state} />
                  {a.onSite && <Tag color="blue">{t('list.onSiteTag')}</Tag>}
                </Space>
                <Space wrap size="middle">
                  <AgencyStars stars={a.stars} score={a.score} />
                  <Typography.Text type="secondary">{t('list.completed', { count: a.completedOrders })}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
        {(found.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination size="small" current={applied.page} pageSize={PAGE_SIZE} total={found.data?.total} showSizeChanger={false} onChange={(page) => setApplied((s) => ({ ...s, page }))} />
        )}
      </Card>
    </Space>
  );
}
