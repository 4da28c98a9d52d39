import { Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { licencePath, listIssuedLicences, type LicenceState } from '../../api/licenceOps';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { statusColor, statusWord } from './licenceWords';

const STATES: LicenceState[] = ['valid', 'suspended', 'superseded', 'cancelled', 'revoked', 'withdrawn'];

/**
 * 已签发证照: the licences the reviewer's department issued (a supervisor's
 * whole area), searched by number, holder or identifier and filtered by
 * status; each opens the licence's page with its operations. Live.
 */
export function IssuedLicencesScreen() {
  const { t, i18n } = useTranslation('licenceOps');
  const user = useUser();
  const [q, setQ] = useState('');
  const [state, setState] = useState<LicenceState | undefined>();
  const list = useAsync(() => listIssuedLicences({ q: q || undefined, state }), [q, state]);
  const pending = useRef<number | null>(null);
  const live = useStaffLive(
    {
      onLicence: () => {
        if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void list.reload()), 200);
      },
    },
    user?.username ?? null,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="issued-licences">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('list.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Space wrap style={{ width: '100%' }}>
        <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} onSearch={(v) => setQ(v.trim())} style={{ minWidth: 260 }} data-testid="issued-search" />
        <Select
          allowClear
          aria-label={t('list.state')}
          placeholder={t('list.all')}
          value={state}
          onChange={(v) => setState(v)}
          style={{ minWidth: 160 }}
          data-testid="issued-state"
          options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
      </Space>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small" title={list.data ? t('list.count', { count: list.data.length }) : undefined}>
        <List
          size="small"
          loading={!list.data && !list.error}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('list.empty') }}
          renderItem={(l) => (
            <List.Item key={l.id} data-testid="issued-licence" data-licence-id={l.id} data-state={l.state}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Link to={licencePath(l.id)} aria-label={t('openOf', { name: `${l.name} ${l.licenceNo}` })}>
                    <Typography.Text strong>{l.name}</Typography.Text>
                  </Link>
                  <Tag color={statusColor(l.status.code)}>{statusWord(l.status, i18n.language)}</Tag>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.licenceNo} · {l.holder.name} · {l.issuedOn}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
