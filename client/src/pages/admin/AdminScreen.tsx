import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CalendarTab } from './CalendarTab';
import { CatalogueTab } from './CatalogueTab';
import { UsersTab } from './UsersTab';
import { TransfersAdminTab } from '../transfers/TransfersAdminTab';
import { PowersAdminTab } from '../powers/PowersAdminTab';

const TABS = ['catalogue', 'calendar', 'users', 'powers', 'transfers'] as const;
type Tab = (typeof TABS)[number];

/** The administrator's console: catalogue, holiday calendar, users. The tab lives in the URL so a reload keeps it. */
export function AdminScreen() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'catalogue';
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('title')}
      </Typography.Title>
      <Tabs
        className="wrap-tabs"
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'catalogue', label: t('tab.catalogue'), children: <CatalogueTab /> },
          { key: 'calendar', label: t('tab.calendar'), children: <CalendarTab /> },
          { key: 'users', label: t('tab.users'), children: <UsersTab /> },
          { key: 'transfers', label: t('transfers:admin.tab'), children: <TransfersAdminTab /> },
          { key: 'powers', label: t('powers:admin.tab'), children: <PowersAdminTab /> },
        ]}
      />
    </>
  );
}
