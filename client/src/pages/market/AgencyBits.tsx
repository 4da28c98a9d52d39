import { Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const STATE_COLOUR: Record<string, string> = { pending: 'processing', listed: 'success', rejected: 'default', suspended: 'warning', expelled: 'error', appealing: 'purple' };

/** An agency's state as a coloured tag. */
export function AgencyStateTag({ state }: { state: string }) {
  const { t } = useTranslation('marketAgencies');
  return (
    <Tag color={STATE_COLOUR[state]} data-testid="agency-state" data-state={state}>
      {t(`state.${state}`)}
    </Tag>
  );
}

/** Stars and score (0–100), or "not rated yet". */
export function AgencyStars({ stars, score }: { stars: number | null; score: number | null }) {
  const { t } = useTranslation('marketAgencies');
  if (stars === null) return <Typography.Text type="secondary">{t('list.unrated')}</Typography.Text>;
  return (
    <Space size={4} data-testid="agency-stars" data-stars={stars}>
      <Rate disabled value={stars} count={5} style={{ fontSize: 14 }} aria-label={`${stars} / 5`} />
      {score !== null && <Typography.Text type="secondary">{score.toFixed(1)}</Typography.Text>}
    </Space>
  );
}
