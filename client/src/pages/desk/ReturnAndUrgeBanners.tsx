import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEventView, CaseView } from '../../api/types';
import { formatTime } from '../../components/format';

/**
 * On top of the desk's case screen: why the upper level returned the case
 * (who, which level, when, why) until the desk forwards it again, and a
 * supervisor's 督办 until the desk replies.
 */
export function ReturnAndUrgeBanners({ c, events }: { c: CaseView; events: CaseEventView[] }) {
  const { t } = useTranslation(['desk', 'common']);
  const ret = c.returned ? [...events].reverse().find((e) => e.type === 'RETURN') : undefined;
  const urge = c.urge ? [...events].reverse().find((e) => e.type === 'URGE') : undefined;
  if (!c.returned && !c.urge) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.returned && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="returned-banner"
          title={t('returns.banner', { level: c.returned.fromLevel ? t(`common:level.${c.returned.fromLevel}`) : '', who: ret?.actor.name ?? '', at: ret ? formatTime(ret.at) : '' })}
          description={<span data-testid="returned-reason">{c.returned.reason}</span>}
        />
      )}
      {c.urge && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="urge-banner"
          title={t('urging.banner', { level: c.urge.byLevel ? t(`common:level.${c.urge.byLevel}`) : '', who: urge?.actor.name ?? '', replyBy: c.urge.replyBy })}
          description={c.urge.reason}
        />
      )}
    </Space>
  );
}
