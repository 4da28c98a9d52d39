import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadLicencePdf, getCaseLicence } from '../../api/licences';
import { licencePath } from '../../api/licenceOps';
import type { CaseView } from '../../api/types';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { statusColor, statusWord } from './licenceWords';

interface Props {
  c: CaseView;
  /** An applicant without an account: the case's query code. */
  queryCode: string | null;
}

/**
 * 电子证照 of an issued case, on the applicant's tracking page and the desk's
 * case page: its fields, the signed PDF to download, and the public check
 * its QR code opens. Nothing before ISSUE (the case has no `eLicence`).
 */
export function LicenceCard({ c, queryCode }: Props) {
  const { t, i18n } = useTranslation('licences');
  const { message } = App.useApp();
  const id = c.eLicence?.id;
  // Fetched again on every new event of the case: a status may have changed with it.
  const licence = useAsync(async () => (id ? getCaseLicence(c.caseNo, { queryCode }) : undefined), [c.caseNo, queryCode, id, c.lastSeq]);
  const [saving, setSaving] = useState(false);
  if (!c.eLicence) return null;
  const l = licence.data;

  const download = async () => {
    setSaving(true);
    try {
      await downloadLicencePdf(c.caseNo, { queryCode });
      message.success(t('card.downloaded'));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('card.title')}
      data-testid="e-licence"
      data-licence-id={c.eLicence.id}
      loading={!l && !licence.error}
      actions={[
        <Button key="pdf" type="link" icon={<DownloadOutlined />} loading={saving} onClick={() => void download()} data-testid="licence-download" aria-label={t('card.downloadOf', { name: l?.name ?? c.itemName })}>
          {t('card.download')}
        </Button>,
        ...(queryCode === null && l
          ? [
              <Link key="open" to={licencePath(l.id)} style={{ display: 'inline-flex', alignItems: 'center', minHeight: 32 }} data-testid="licence-open" aria-label={t('licenceOps:openOf', { name: l.name })}>
                {t('licenceOps:open')}
              </Link>,
            ]
          : []),
        <Link key="verify" to={c.eLicence.verifyUrl} style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minHeight: 32 }} data-testid="licence-verify" aria-label={t('card.verifyOf', { name: l?.name ?? c.itemName })}>
          <SafetyCertificateOutlined aria-hidden /> {t('card.verify')}
        </Link>,
      ]}
    >
      {licence.error && !l ? (
        <ErrorState error={licence.error} onRetry={licence.reload} />
      ) : (
        l && (
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
            <Descriptions.Item label={t('field.name')}>
              <Space size={4} wrap>
                <Typography.Text strong>{l.name}</Typography.Text>
                <Tag color={statusColor(l.status.code)} data-testid="licence-status">
                  {statusWord(l.status, i18n.language)}
                </Tag>
              </Space>
            </Descriptions.Item>
            {l.statusNote && l.status.code !== '01' && <Descriptions.Item label={t('field.status')}>{t('licenceOps:note', { note: l.statusNote })}</Descriptions.Item>}
            <Descriptions.Item label={t('field.licenceNo')}>
              <span data-testid="licence-no">{l.licenceNo}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.id')} span={{ xs: 1, sm: 1, md: 2 }}>
              <Typography.Text copyable className="licence-id" data-testid="licence-id">
                {l.id}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.holder')}>{l.holder.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.issuer')}>{l.issuer.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.issuedOn')}>{l.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('field.validity')}>{t('validity', { from: l.validity.from, until: l.validity.until })}</Descriptions.Item>
          </Descriptions>
        )
      )}
    </Card>
  );
}
