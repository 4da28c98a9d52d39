import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface GuideMarketService {
  code: string;
  name: string;
  governmentPaid: boolean;
  requiredQualification: string;
}

/** The intermediary services an item needs (网上中介超市) and who commissions and pays: that decides whose time the service is. */
export function GuideMarketServices({ services }: { services: GuideMarketService[] | undefined }) {
  const { t } = useTranslation('marketAgencies');
  if (!services?.length) return null;
  return (
    <Card size="small" title={t('guide.title')} data-testid="guide-market-services">
      <List
        size="small"
        dataSource={services}
        renderItem={(s) => (
          <List.Item key={s.code} actions={[<Link key="find" to={`/market/service-items/${s.code}`}>{t('guide.find')}</Link>]}>
            <List.Item.Meta title={s.name} description={<Tag color={s.governmentPaid ? 'gold' : undefined}>{s.governmentPaid ? t('guide.paidByGovernment') : t('guide.paidByOwner')}</Tag>} />
          </List.Item>
        )}
      />
    </Card>
  );
}
