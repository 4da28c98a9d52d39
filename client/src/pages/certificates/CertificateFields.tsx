import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateCheck } from '../../api/certificates';
import { codeTypeKey, statusColor, statusWord } from '../licences/licenceWords';

/** An e-certificate as the public check shows it: the holder masked by the server (张*明), never in full. */
export function CertificateFields({ c }: { c: CertificateCheck }) {
  const { t, i18n } = useTranslation(['licences', 'certificates']);
  return (
    <Descriptions size="small" bordered column={1} data-testid="certificate-fields" styles={{ label: { width: '34%' } }}>
      <Descriptions.Item label={t('certificates:verify.kind')}>{c.name}</Descriptions.Item>
      <Descriptions.Item label={t('field.status')}>
        <Tag color={statusColor(c.status.code)} data-testid="licence-status">
          {statusWord(c.status, i18n.language)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.id')}>
        <Typography.Text copyable className="licence-id" data-testid="licence-id">
          {c.code}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.holder')}>
        <span data-testid="licence-holder">{c.holder.name}</span>
        <br />
        <Typography.Text type="secondary">
          {t(codeTypeKey(c.holder.codeType))}：<span data-testid="licence-holder-code">{c.holder.code}</span>
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates:verify.purpose')}>{c.purpose}</Descriptions.Item>
      <Descriptions.Item label={t('field.issuer')}>{c.issuer.name}</Descriptions.Item>
      <Descriptions.Item label={t('field.issuedOn')}>{c.issuedOn}</Descriptions.Item>
      <Descriptions.Item label={t('certificates:verify.validUntil')}>{c.validity.until}</Descriptions.Item>
      <Descriptions.Item label={t('certificates:verify.basis')}>{c.legalBasis}</Descriptions.Item>
      <Descriptions.Item label={t('field.keyId')}>
        <Typography.Text type="secondary" className="licence-id">
          {c.keyId}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
