import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../live/socket';

const STATUS = { live: 'success', connecting: 'processing', offline: 'error' } as const;

/** Whether this screen is receiving pushes right now. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return <Badge status={STATUS[status]} text={t(`live.${status}`)} data-testid="live-status" data-status={status} />;
}
