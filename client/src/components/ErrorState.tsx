import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

export { errorText };

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
