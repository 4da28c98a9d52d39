import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceCheck } from '../../api/licences';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { codeTypeKey, statusColor, statusWord } from './licenceWords';

/**
 * The directory fields of a licence as the public check shows them (GB/T 36903): the holder's name and a
 * person's ID number come masked from the server (张*明), never in full.
 */
export function LicenceFields({ l }: { l: LicenceCheck }) {
  const { t, i18n } = useTranslation('licences');
  const names = useJurisdictionNames([l.jurisdictionCode], i18n.language === 'en');
  return (
    <Descriptions size="small" bordered column={1} data-testid="licence-fields" styles={{ label: { width: '34%' } }}>
      <Descriptions.Item label={t('field.name')}>{l.name}</Descriptions.Item>
      <Descriptions.Item label={t('field.status')}>
        <Tag color={statusColor(l.status.code)} data-testid="licence-status">
          {statusWord(l.status, i18n.language)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.licenceNo')}>{l.licenceNo}</Descriptions.Item>
      <Descriptions.Item label={t('field.id')}>
        <Typography.Text copyable className="licence-id" data-testid="licence-id">
          {l.code}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.holder')}>
        <span data-testid="licence-holder">{l.holder.name}</span>
        <br />
        <Typography.Text type="secondary">
          {t(codeTypeKey(l.holder.codeType))}：<span data-testid="licence-holder-code">{l.holder.code}</span>
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.issuer')}>{l.issuer.name}</Descriptions.Item>
      <Descriptions.Item label={t('field.issuedOn')}>{l.issuedOn}</Descriptions.Item>
      <Descriptions.Item label={t('field.validity')}>{t('validity', { from: l.validity.from, until: l.validity.until })}</Descriptions.Item>
      <Descriptions.Item label={t('field.item')}>{l.item.name}</Descriptions.Item>
      {names[l.jurisdictionCode] && <Descriptions.Item label={t('field.jurisdiction')}>{names[l.jurisdictionCode]}</Descriptions.Item>}
      <Descriptions.Item label={t('field.keyId')}>
        <Typography.Text type="secondary" className="licence-id">
          {l.keyId}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
