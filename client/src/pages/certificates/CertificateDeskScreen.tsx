import { Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { certificatePath, listCertificateDesk } from '../../api/certificates';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { certificateStateColor } from './certificateWords';

/** 证明审核: a village or town centre clerk's certificate requests, what waits first; live. */
export function CertificateDeskScreen() {
  const { t } = useTranslation('certificates');
  const user = useUser();
  const [all, setAll] = useState(false);
  const list = useAsync(() => listCertificateDesk(all), [all]);
  const pending = useRef<number | null>(null);
  const live = useStaffLive(
    {
      onCertificate: () => {
        if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void list.reload()), 150);
      },
    },
    user?.username ?? null,
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="certificate-desk">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('desk.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Segmented
        value={all ? 'all' : 'pending'}
        onChange={(v) => setAll(v === 'all')}
        options={[
          { value: 'pending', label: t('desk.pending') },
          { value: 'all', label: t('desk.all') },
        ]}
      />
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small" title={list.data ? t('desk.count', { count: list.data.length }) : undefined}>
        <List
          size="small"
          loading={!list.data && !list.error}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('desk.empty') }}
          renderItem={(c) => (
            <List.Item key={c.id} data-testid="desk-certificate" data-id={c.id} data-state={c.state}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Link to={certificatePath(c.id)} aria-label={t('mine.openOf', { name: `${c.kind.name} ${c.holder.name}` })}>
                    <Typography.Text strong>{c.kind.name}</Typography.Text>
                  </Link>
                  <Tag color={certificateStateColor(c.state)}>{t(`state.${c.state}`)}</Tag>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.holder.name} · {c.purpose} · {formatTime(c.requestedAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
