import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/http';
import type { UserView } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { rateLimitText } from '../../components/retryAfter';
import { session, useSessionNotice } from '../../session';
import { DemoAccountsHint } from './DemoAccounts';

/** Where each role starts its day. */
export function homeOf(role: UserView['role']): string {
  if (role === 'clerk' || role === 'reviewer') return '/desk';
  if (role === 'supervisor') return '/supervisor';
  if (role === 'admin') return '/admin';
  if (role === 'applicant') return '/mine';
  return '/';
}

export function LoginScreen() {
  const { t, i18n } = useTranslation(['desk', 'common']);
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useSessionNotice();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ token: string; user: UserView }>('POST', '/api/auth/login', { body: v });
      session.save(res.token, res.user);
      navigate(from ?? homeOf(res.user.role), { replace: true });
    } catch (e) {
      // A locked log-in says when to try again (the account's or the address's failures, see the server's limits).
      const locked = rateLimitText(e, t, i18n.language, 'desk:login.locked');
      setError(e instanceof ApiError && e.status === 401 ? t('login.failed') : (locked ?? errorText(e, t)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<Typography.Title level={1} className="page-title card-title">{t('login.title')}</Typography.Title>} style={{ maxWidth: 420, margin: '24px auto' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {!error && notice && <Alert type="warning" showIcon role="alert" title={t(`common:session.${notice}`)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus autoComplete="username" autoCapitalize="none" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {/* Disabled, not antd's loading icon, while the answer is awaited: the icon's exit animation can stall in a
            window behind another, leaving the button named "loading 登录" and a spinner that never stops. */}
        <Button type="primary" htmlType="submit" block size="large" disabled={busy} aria-busy={busy}>
          {t('login.submit')}
        </Button>
      </Form>
      <DemoAccountsHint onPick={(username, password) => form.setFieldsValue({ username, password })} />
    </Card>
  );
}
