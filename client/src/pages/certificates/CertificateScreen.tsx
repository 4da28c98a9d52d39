import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { downloadCertificatePdf, getCertificate } from '../../api/certificates';
import { ErrorState, errorText } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { CertificateActions } from './CertificateActions';
import { certificateStateColor } from './certificateWords';

/** One certificate request, live for its applicant and the desks: its state, history, the actions now, the PDF once issued. */
export function CertificateScreen() {
  const { t } = useTranslation('certificates');
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const user = useUser();
  const detail = useAsync(() => getCertificate(id), [id]);
  const live = useStaffLive({ onCertificate: (e) => e.id === id && void detail.reload() }, user?.username ?? null);
  const d = detail.data;
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Card loading />;
  const c = d.certificate;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 860 }} data-testid="certificate-page" data-state={c.state} data-revision={c.revision}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('detail.title')}：{c.kind.name}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Descriptions size="small" bordered column={1} styles={{ label: { width: '30%' } }}>
        <Descriptions.Item label={t('detail.state')}>
          <Tag color={certificateStateColor(c.state)} data-testid="certificate-state">
            {t(`state.${c.state}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.holder')}>{c.holder.name}</Descriptions.Item>
        <Descriptions.Item label={t('detail.idNumber')}>
          <span data-testid="certificate-id-number">{c.holder.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.purpose')}>{c.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('detail.requestedAt')}>{formatTime(c.requestedAt)}</Descriptions.Item>
        {c.villageOpinion && <Descriptions.Item label={t('detail.villageOpinion')}>{c.villageOpinion}</Descriptions.Item>}
        {c.certificateId && (
          <Descriptions.Item label={t('detail.certificateId')}>
            <Typography.Text copyable className="licence-id" data-testid="certificate-code">
              {c.certificateId}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {c.refusal && <Alert type="error" showIcon title={`${t('detail.refusal')}：${c.refusal}`} description={t('detail.refusalRights')} data-testid="certificate-refusal" />}
      {c.pdfUrl && (
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => downloadCertificatePdf(c).catch((e) => message.error(errorText(e, t)))} data-testid="certificate-pdf">
            {t('detail.download')}
          </Button>
          {c.verifyUrl && (
            <Link to={c.verifyUrl} data-testid="certificate-verify">
              <SafetyCertificateOutlined aria-hidden /> {t('detail.verify')}
            </Link>
          )}
        </Space>
      )}
      <CertificateActions d={d} onDone={() => void detail.reload()} />
      <Card size="small" title={t('detail.history')}>
        <Timeline
          items={d.history.map((e) => ({
            key: e.seq,
            content: (
              <Space orientation="vertical" size={0} data-testid="certificate-event" data-type={e.type}>
                <Typography.Text strong>{t(`event.${e.type}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('detail.by', { name: e.by.name })} · {formatTime(e.at)}
                </Typography.Text>
                {e.reason && <Typography.Text>{t('detail.opinion', { text: e.reason })}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
