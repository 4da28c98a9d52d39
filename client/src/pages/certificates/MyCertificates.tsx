import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { certificatePath, downloadCertificatePdf, listMyCertificates } from '../../api/certificates';
import { ErrorState, errorText } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { certificateStateColor } from './certificateWords';

/** 我的证明: the account's certificate requests, live; an issued one downloads as its signed PDF. */
export function MyCertificates() {
  const { t } = useTranslation('certificates');
  const { message } = App.useApp();
  const list = useAsync(() => listMyCertificates(), []);
  const user = useUser();
  useStaffLive({ onCertificate: () => void list.reload() }, user?.username ?? null);
  return (
    <Card
      size="small"
      title={t('mine.title')}
      extra={
        <Link to="/certificates/request" data-testid="request-certificate">
          <FileAddOutlined aria-hidden /> {t('mine.request')}
        </Link>
      }
      data-testid="my-certificates"
    >
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <List
        size="small"
        loading={!list.data && !list.error}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('mine.empty') }}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            data-testid="my-certificate"
            data-id={c.id}
            data-state={c.state}
            actions={[
              <Link key="open" to={certificatePath(c.id)} aria-label={t('mine.openOf', { name: c.kind.name })}>
                {t('mine.open')}
              </Link>,
              ...(c.pdfUrl
                ? [
                    <Button key="pdf" size="small" type="link" icon={<DownloadOutlined />} onClick={() => downloadCertificatePdf(c).catch((e) => message.error(errorText(e, t)))} data-testid="my-certificate-pdf">
                      PDF
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text strong>{c.kind.name}</Typography.Text>
                <Tag color={certificateStateColor(c.state)}>{t(`state.${c.state}`)}</Tag>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.purpose} · {formatTime(c.requestedAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
