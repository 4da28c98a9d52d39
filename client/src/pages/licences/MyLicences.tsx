import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyLicences } from '../../api/licences';
import { licencePath } from '../../api/licenceOps';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { statusColor, statusWord } from './licenceWords';

/** 我的证照: every e-licence issued to this applicant account, newest first, each with the public check of it. */
export function MyLicences() {
  const { t, i18n } = useTranslation('licences');
  const list = useAsync(() => listMyLicences(), []);
  const user = useUser();
  // A status operation at the issuing desk reaches the holder's list at once.
  useStaffLive({ onLicence: () => void list.reload() }, user?.username ?? null);
  return (
    <Card size="small" title={t('mine.title')} data-testid="my-licences" data-count={list.data?.length ?? ''}>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <List
        size="small"
        loading={!list.data && !list.error}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('mine.empty') }}
        renderItem={(l) => (
          <List.Item
            key={l.id}
            data-testid="my-licence"
            data-licence-id={l.id}
            actions={[
              <Link key="open" to={licencePath(l.id)} aria-label={t('licenceOps:openOf', { name: l.name })} data-testid="my-licence-open">
                {t('licenceOps:open')}
              </Link>,
              <Link key="verify" to={l.verifyUrl} aria-label={t('mine.verifyOf', { name: l.name })} data-testid="my-licence-verify">
                <SafetyCertificateOutlined aria-hidden /> {t('mine.verify')}
              </Link>,
            ]}
          >
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text strong>{l.name}</Typography.Text>
                <Tag color={statusColor(l.status.code)}>{statusWord(l.status, i18n.language)}</Tag>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('field.licenceNo')}：{l.licenceNo} · {t('validity', { from: l.validity.from, until: l.validity.until })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} className="licence-id">
                {l.id}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
