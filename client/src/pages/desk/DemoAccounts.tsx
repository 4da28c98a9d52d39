import { Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import type { UserView } from '../../api/types';

interface DemoAccounts {
  demoMode: boolean;
  password?: string;
  accounts: { username: string; role: UserView['role']; displayName: string }[];
}

/**
 * The demo accounts, only when the server runs in demo mode (never in production: it answers none).
 * A click fills the log-in form.
 */
export function DemoAccountsHint({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation(['desk', 'common']);
  const [demo, setDemo] = useState<DemoAccounts>();
  useEffect(() => {
    const ctl = new AbortController();
    api<DemoAccounts>('GET', '/api/auth/demo-accounts', { signal: ctl.signal }).then(setDemo, () => undefined);
    return () => ctl.abort();
  }, []);
  if (!demo?.demoMode || !demo.password) return null;
  const password = demo.password;
  return (
    <section aria-label={t('login.demoHeading')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('login.demoTitle', { password })}
      </Typography.Paragraph>
      <Flex wrap gap={4}>
        {demo.accounts.map((a) => (
          <Button key={a.username} size="small" title={`${a.displayName} · ${t(`common:role.${a.role}`)}`} onClick={() => onPick(a.username, password)}>
            {a.username}
          </Button>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('login.demoPattern')}
      </Typography.Paragraph>
    </section>
  );
}
