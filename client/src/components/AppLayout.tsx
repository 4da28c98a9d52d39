import { GlobalOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { setLang } from '../i18n';
import { session, useUser } from '../session';

/** The frame of every screen: brand, the menu this user may use, language switch, log-in state. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: '/', label: <Link to="/">{t('nav.catalogue')}</Link> },
    { key: '/track', label: <Link to="/track">{t('nav.track')}</Link> },
  ];
  if (user?.role === 'applicant') items.push({ key: '/mine', label: <Link to="/mine">{t('nav.mine')}</Link> });
  if (user?.role === 'clerk' || user?.role === 'reviewer') items.push({ key: '/desk', label: <Link to="/desk">{t('nav.queue')}</Link> });
  if (user?.role === 'supervisor' || user?.role === 'admin') items.push({ key: '/supervisor', label: <Link to="/supervisor">{t('nav.dashboard')}</Link> });
  if (user?.role === 'admin') items.push({ key: '/admin', label: <Link to="/admin">{t('nav.admin')}</Link> });
  const selected = items.map((i) => i.key).filter((k) => (k === '/' ? pathname === '/' || pathname.startsWith('/items') : pathname.startsWith(k)));
  const wall = pathname.startsWith('/supervisor');
  // On a phone the menu is one button: antd's overflowing horizontal menu hides focusable links from screen readers.
  const phone = !Grid.useBreakpoint().md;
  return (
    <Layout style={{ minHeight: '100vh' }} className={wall ? 'wall' : undefined}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          <span className="full">{t('appName')}</span>
          <span className="short">{t('appShort')}</span>
        </Link>
        {phone ? (
          <div style={{ flex: 1 }}>
            <Dropdown menu={{ items, selectedKeys: selected }} trigger={['click']}>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} style={{ color: '#fff' }} />
            </Dropdown>
          </div>
        ) : (
          <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} aria-label={t('nav.menu')} />
        )}
        <Space size="small">
          <Button
            size="small"
            icon={<GlobalOutlined />}
            aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`}
            onClick={() => setLang(i18n.language === 'en' ? 'zh' : 'en')}
          >
            {t('lang.switchTo')}
          </Button>
          {user ? (
            <Button
              size="small"
              icon={<LogoutOutlined />}
              title={`${user.displayName} · ${t(`role.${user.role}`)}`}
              onClick={() => {
                session.clear();
                navigate('/login');
              }}
            >
              <span className="user-name">{user.displayName}</span>
            </Button>
          ) : (
            <Button size="small" onClick={() => navigate('/login')}>
              {t('nav.login')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
