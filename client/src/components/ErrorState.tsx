import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** How an error reads on screen: the server's message (with its code), and a retry where that helps. */
export function errorText(e: unknown, t: (k: string) => string): string {
  if (e instanceof ApiError) return e.code === 'NETWORK' ? t('error.NETWORK') : `${e.message} (${e.code})`;
  return (e as Error)?.message ?? String(e);
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={errorText(error, t)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}
