import { Card, Descriptions, Empty, Grid, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listDeeds, listDelegationTowns, type DeedView } from '../../api/delegations';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { IssueDeedButton, RevokeDeedButton } from './DeedAdmin';

const STANDING_COLOUR: Record<string, string> = { in_force: 'green', pending: 'blue', expired: 'default', revoked: 'red' };

/** One deed: who delegates what to the town, for how long, where it stands today, and its items (each links to its guide). */
function DeedCard({ deed, admin, onChanged }: { deed: DeedView; admin: boolean; onChanged: () => void }) {
  const { t } = useTranslation('delegations');
  return (
    <Card size="small" data-testid="delegation-deed" title={<Space wrap><span>{deed.title}</span><Tag color={STANDING_COLOUR[deed.standing]}>{t(`standing.${deed.standing}`)}</Tag></Space>} extra={admin ? <RevokeDeedButton deed={deed} onDone={onChanged} /> : null}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('deed.no')}>{deed.deedNo}</Descriptions.Item>
        <Descriptions.Item label={t('deed.body')}>{deed.delegatingBody}</Descriptions.Item>
        <Descriptions.Item label={t('deed.scope')}>{deed.scope.map((s) => <Tag key={s}>{t(`scope.${s}`)}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={t('deed.term')}>{`${deed.validFrom} – ${deed.validTo}`}</Descriptions.Item>
        <Descriptions.Item label={t('deed.published')}>{deed.publishedOn}</Descriptions.Item>
      </Descriptions>
      {deed.revokedOn && <Typography.Paragraph type="danger">{t('deed.revoked', { date: deed.revokedOn, reason: deed.revokeReason ?? '' })}</Typography.Paragraph>}
      <Typography.Text strong>{t('deed.items', { n: deed.items.length })}</Typography.Text>
      <List
        size="small"
        dataSource={deed.items}
        renderItem={(i) => (
          <List.Item data-testid="delegation-item">
            <Link to={`/items/${i.code}`}>{i.name ?? i.code}</Link> <Typography.Text type="secondary">{i.code}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Public: the six pilot towns and, for the one chosen, its delegation deeds with the powers they delegate. */
export function DelegationsScreen() {
  const { t } = useTranslation('delegations');
  // Six towns side by side do not fit a phone: there they stand one under another.
  const screens = Grid.useBreakpoint();
  const admin = useUser()?.role === 'admin';
  const towns = useAsync(() => listDelegationTowns(), []);
  const [town, setTown] = useState<string>('330381101000');
  const [only, setOnly] = useState<'all' | 'in_force'>('in_force');
  const deeds = useAsync(() => listDeeds({ town, state: only === 'all' ? undefined : 'in_force', pageSize: 100 }), [town, only]);
  if (towns.error) return <ErrorState error={towns.error} onRetry={towns.reload} />;
  if (deeds.error) return <ErrorState error={deeds.error} onRetry={deeds.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }} data-testid="delegations">
      <Typography.Title level={1} className="page-title">{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card size="small" title={t('towns')} loading={!towns.data}>
        <Segmented
          block
          orientation={screens.md ? 'horizontal' : 'vertical'}
          value={town}
          onChange={(v) => setTown(String(v))}
          options={(towns.data?.towns ?? []).map((x) => ({
            value: x.code,
            label: (
              <div data-testid={`delegation-town-${x.code}`} style={{ padding: '4px 0', whiteSpace: 'normal' }}>
                <strong>{x.name}</strong> · {t('town.county', { county: x.countyName })}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.until ? t('town.until', { date: x.until }) : t('town.inForce', { deeds: x.deedsInForce, items: x.itemsInForce })}</Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
      <Space wrap>
        <Segmented value={only} onChange={(v) => setOnly(v as 'all' | 'in_force')} options={[{ value: 'in_force', label: t('filter.in_force') }, { value: 'all', label: t('filter.all') }]} />
        <Typography.Text type="secondary" data-testid="delegation-total">{t('total', { n: deeds.data?.total ?? 0 })}</Typography.Text>
        {admin && towns.data && <IssueDeedButton towns={towns.data.towns} onDone={() => void Promise.all([deeds.reload(), towns.reload()])} />}
      </Space>
      {deeds.data && deeds.data.deeds.length === 0 ? <Empty description={t('empty')} /> : (deeds.data?.deeds ?? []).map((d) => <DeedCard key={d.deedNo} deed={d} admin={admin} onChanged={() => void Promise.all([deeds.reload(), towns.reload()])} />)}
    </Space>
  );
}
