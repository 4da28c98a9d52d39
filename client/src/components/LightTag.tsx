import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light } from '../api/types';

const COLOR: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** The green/yellow/red time-limit light, in words as well as colour. */
export function LightTag({ light, leftDays }: { light: Light; leftDays?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[light]} data-light={light}>
      <span className={`light-dot light-${light}`} aria-hidden />
      {t(`light.${light}`)}
      {leftDays !== undefined && leftDays !== null ? ` · ${leftDays < 0 ? '-' : ''}${t('daysShort', { n: Math.abs(leftDays) })}` : ''}
    </Tag>
  );
}
