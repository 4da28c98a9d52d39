import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const TABS = { queue: '/desk', handled: '/desk/handled', search: '/search' } as const;

/** 待办 | 已办 | 查询: the desk's three lists, each its own address. */
export function DeskTabs({ current }: { current: keyof typeof TABS }) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  return (
    <Segmented
      aria-label={t('tabs.label')}
      data-testid="desk-tabs"
      value={current}
      onChange={(v) => navigate(TABS[v as keyof typeof TABS])}
      options={(Object.keys(TABS) as (keyof typeof TABS)[]).map((k) => ({ value: k, label: t(`tabs.${k}`) }))}
    />
  );
}
