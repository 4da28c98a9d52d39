import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface GuidePowerView {
  power?: { code: string; name: string; type: string; department: string; level: string; jurisdiction: { name: string }; scope: string | null } | null;
  publicService?: boolean;
}

/** The guide's link to the power an item implements (权力清单); a 公共服务 item says it implements none. */
export function GuidePower({ item }: { item: GuidePowerView }) {
  const { t } = useTranslation('powers');
  if (!item.power) {
    return item.publicService ? (
      <Card size="small" title={t('guide.power')} data-testid="guide-power">
        <Typography.Text type="secondary">{t('guide.publicService')}</Typography.Text>
      </Card>
    ) : null;
  }
  const p = item.power;
  return (
    <Card size="small" title={t('guide.power')} data-testid="guide-power" extra={<Link to={`/powers/${p.code}`}>{t('guide.open')}</Link>}>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('columns.code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={t('columns.name')}>{p.name}</Descriptions.Item>
        <Descriptions.Item label={t('columns.type')}>
          <Tag>{p.type}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.body')}>
          {p.department}（{p.jurisdiction.name}{p.scope ? ` · ${p.scope}` : ''}）
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
