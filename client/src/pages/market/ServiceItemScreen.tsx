import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getServiceItem } from '../../api/marketAgencies';
import { departmentName, loadDepartments } from '../../api/reference';
import { PageLoading } from '../../components/AppLayout';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { AgencyStars } from './AgencyBits';

/** One service item: who pays, the qualification required, the approval items needing it, the listed agencies offering it. */
export function ServiceItemScreen() {
  const { code } = useParams();
  const { t, i18n } = useTranslation('marketAgencies');
  const en = i18n.language === 'en';
  const found = useAsync(() => getServiceItem(code!), [code]);
  const departments = useAsync(loadDepartments, []);
  if (found.error) return <ErrorState error={found.error} onRetry={found.reload} />;
  if (!found.data) return <PageLoading />;
  const { serviceItem: s, approvalItems, agencies } = found.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="service-item">
      <Card size="small">
        <Typography.Title level={1} className="page-title" style={{ marginTop: 0 }}>
          {s.name}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('items.code')}>{s.code}</Descriptions.Item>
          <Descriptions.Item label={t('items.category')}>{t(`category.${s.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('items.department')}>{departmentName(departments.data, s.department, en)}</Descriptions.Item>
          <Descriptions.Item label={t('items.paid')}>{s.governmentPaid ? <Tag color="gold">{t('items.governmentPaid')}</Tag> : <Tag>{t('items.ownerPaid')}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t('items.qualification')}>{s.requiredQualification}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary">{s.description}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t('items.approvalItems')}>
        <Space wrap>
          {approvalItems.map((i) => (
            <Link key={i.code} to={`/items/${i.code}`}>
              <Tag>{i.name}</Tag>
            </Link>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('items.agencies', { total: agencies.total })}>
        <List
          dataSource={agencies.list}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <Space wrap>
                <Link to={`/market/agencies/${a.id}`}>{a.name}</Link>
                {a.onSite && <Tag color="blue">{t('list.onSiteTag')}</Tag>}
                <AgencyStars stars={a.stars} score={a.score} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
