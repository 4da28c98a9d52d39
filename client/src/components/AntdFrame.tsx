import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Text colours dark enough for WCAG AA contrast (4.5:1) on white and on the grey page background.
const THEME = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    // antd's derived hover shades (#417dcc, links #689dd9) fall below 4.5:1 under the pointer.
    colorPrimaryHover: '#2f6bc4',
    colorPrimaryTextHover: '#2f6bc4',
    colorLinkHover: '#2f6bc4',
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    borderRadius: 4,
  },
};

/**
 * antd's theme, locale and message/modal context, for every page but the catalogue: this module and antd
 * load with the first such page (AppLayout), so the citizen's first page never waits for them.
 */
export default function AntdFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
