import { Card, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listTransferFunctions } from '../../api/transfers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { AgreementsTab } from './AgreementsTab';
import { FunctionsTab } from './FunctionsTab';
import { OrganisationsTab } from './OrganisationsTab';
import { ServicesTab } from './ServicesTab';

const TABS = ['functions', 'services', 'organisations', 'agreements'] as const;
type Tab = (typeof TABS)[number];

/**
 * 职能转移清单, public, on a phone and a desktop: the list's figures (counted
 * by the server from its rows), then the three directories and the
 * agreements as tabs; the tab lives in the address so a link opens it.
 */
export function TransfersScreen() {
  const { t } = useTranslation('transfers');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'functions';
  const head = useAsync(() => listTransferFunctions({ pageSize: 1 }), []);
  const f = head.data?.figures;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="transfers-page">
      <div>
        <Typography.Title level={1} className="page-title">{t('title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('intro')}</Typography.Paragraph>
      </div>
      {head.error && <ErrorState error={head.error} onRetry={head.reload} />}
      <Card size="small" loading={!f && !head.error} data-testid="transfers-figures">
        {f && (
          <Space wrap size={[8, 8]}>
            <Tag color="blue" data-testid="figure-functions" data-n={f.functions}>{t('figures.functions', { n: f.functions })}</Tag>
            <Tag color="blue" data-testid="figure-units" data-n={f.units}>{t('figures.units', { n: f.units })}</Tag>
            <Tag>{t('figures.plan', { n: f.planFunctions, units: f.planUnits })}</Tag>
            <Tag color="green" data-testid="figure-agreements" data-n={f.agreements}>{t('figures.agreements', { n: f.agreements, units: f.agreementUnits })}</Tag>
            <Tag>{t('figures.services', { n: f.services })}</Tag>
            <Tag>{t('figures.organisations', { n: f.organisations.total, qualified: f.organisations.qualified, probation: f.organisations.probation, removed: f.organisations.removed })}</Tag>
          </Space>
        )}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        tabBarGutter={24}
        items={[
          { key: 'functions', label: t('tab.functions'), children: <FunctionsTab /> },
          { key: 'services', label: t('tab.services'), children: <ServicesTab /> },
          { key: 'organisations', label: t('tab.organisations'), children: <OrganisationsTab /> },
          { key: 'agreements', label: t('tab.agreements'), children: <AgreementsTab /> },
        ]}
      />
    </Space>
  );
}
