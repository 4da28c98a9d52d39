import { Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** An agency's stars (read only), or "not rated yet". */
export function Stars({ stars }: { stars: number | null }) {
  const { t } = useTranslation('marketRatings');
  if (stars === null) return <Typography.Text type="secondary">{t('rankings.unrated')}</Typography.Text>;
  return <Rate disabled value={stars} count={5} style={{ fontSize: 14 }} aria-label={`${t('rankings.stars')} ${stars}`} />;
}
