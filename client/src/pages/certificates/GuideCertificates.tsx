import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CertificateKindView } from '../../api/certificates';

/** The certificates an item names among its materials: requested online, attached by reference, never on paper. */
export function GuideCertificates({ kinds }: { kinds: CertificateKindView[] | undefined }) {
  const { t, i18n } = useTranslation('certificates');
  if (!kinds?.length) return null;
  return (
    <Card size="small" title={t('guide.title')} data-testid="guide-certificates">
      <List
        size="small"
        dataSource={kinds}
        renderItem={(k) => (
          <List.Item key={k.code} actions={[<Link key="ask" to={`/certificates/request?kind=${encodeURIComponent(k.code)}`}>{t('guide.request')}</Link>]}>
            <List.Item.Meta
              title={i18n.language === 'en' ? k.nameEn : k.name}
              description={<Typography.Text type="secondary">{k.needsTown ? t('request.needsTown') : t('request.villageOnly')} · {t('request.basis', { basis: k.legalBasis })}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
