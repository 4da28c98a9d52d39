import { App, Breadcrumb, Card, Col, Flex, Row, Segmented, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AreaCount } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { UpdatingStatus } from '../../components/UpdatingStatus';
import { useUser } from '../../session';
import { AreasChart } from './AreasChart';
import { AreasTable } from './AreasTable';
import { CountersRow } from './CountersRow';
import { DailyChart } from './DailyChart';
import { DurationsPanel } from './DurationsPanel';
import { LevelChart } from './LevelChart';
import { LinkedPanel } from './LinkedPanel';
import { placeName } from './palette';
import { useDashboard } from './useDashboard';
import { RatingPanels } from '../ratings/RatingPanels';

/** Windows a supervisor can choose; the API takes any 1–90. */
const WINDOWS = [7, 30, 90];
const DEFAULT_DAYS = 30;

function daysFrom(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : DEFAULT_DAYS;
}

/** The supervisor's wall screen for their jurisdiction or any area under it (drilled via ?scope=). */
export function DashboardScreen() {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const en = i18n.language === 'en';
  const user = useUser()!;
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? user.jurisdictionCode;
  const days = daysFrom(params.get('days'));
  const { notification } = App.useApp();
  const dash = useDashboard(scope, days, user.username, (e) =>
    notification.warning({
      title: e.kind === 'escalate' ? t('desk:urging.escalated', { caseNo: e.caseNo, days: e.overdueDays ?? 0 }) : `${t('common:event.URGE_REPLY')} · ${e.caseNo}`,
      description: <Link to={`/desk/cases/${e.caseNo}`} data-testid="urged-link">{e.reason ?? e.caseNo}</Link>,
    }),
  );
  const data = dash.data;

  const withParams = (next: Record<string, string | number>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) p.set(k, String(v));
    return p;
  };
  const link = (next: Record<string, string | number>) => `?${withParams(next).toString()}`;
  const drill = (a: AreaCount) => setParams(withParams({ scope: a.code }));
  // The breadcrumb starts at the supervisor's own jurisdiction: nothing above it is theirs to see.
  const trail = data ? data.trail.slice(Math.max(0, data.trail.findIndex((p) => p.code === user.jurisdictionCode))) : [];
  const hasChildren = !!data?.areas.some((a) => !a.self);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Breadcrumb
            aria-label={t('breadcrumb')}
            items={trail.map((p, i) => ({
              title: i === trail.length - 1 ? placeName(p, en) : <Link to={link({ scope: p.code })}>{placeName(p, en)}</Link>,
            }))}
          />
          <Typography.Title level={1} className="page-title" data-testid="dashboard-scope" data-scope={data?.scope}>
            {data ? `${placeName(data, en)} · ${t('title')}` : t('title')}
          </Typography.Title>
          {data && <Typography.Text type="secondary">{t('subtitle', { level: t(`common:levelFull.${data.level}`), from: data.from, today: data.today })}</Typography.Text>}
        </div>
        <Space wrap>
          <Segmented
            aria-label={t('days')}
            value={days}
            onChange={(v) => setParams(withParams({ days: Number(v) }))}
            options={WINDOWS.map((n) => ({ value: n, label: t('daysOption', { n }) }))}
          />
          <LiveBadge status={dash.status} />
          <UpdatingStatus busy={dash.loading && !!data} label={t('updating')} />
        </Space>
      </Flex>
      {dash.error && <ErrorState error={dash.error} onRetry={() => void dash.reload()} />}
      {!data && dash.loading && <Skeleton active paragraph={{ rows: 10 }} />}
      {data && dash.counters && (
        <>
          <CountersRow counters={dash.counters} drill={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('daily.title')}>
                <DailyChart data={data} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('linked.title')}>
                <LinkedPanel linked={data.linked} drill={data} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={hasChildren ? t('areas.title') : t('areas.titleNone')} extra={hasChildren ? <Typography.Text type="secondary">{t('areas.drill')}</Typography.Text> : undefined}>
                <AreasChart areas={data.areas} onDrill={drill} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('byLevel.title')}>
                <LevelChart data={data} />
                <Typography.Text type="secondary">{t('byLevel.note')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('areas.table')}>
                <AreasTable areas={data.areas} onDrill={drill} drill={data} />
              </Card>
            </Col>
            <Col xs={24}>
              <RatingPanels scope={data.scope} />
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('durations.title')}>
                <Flex vertical gap="small">
                  <Typography.Text type="secondary">{t('durations.note')}</Typography.Text>
                  <DurationsPanel durations={data.durations} />
                </Flex>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
