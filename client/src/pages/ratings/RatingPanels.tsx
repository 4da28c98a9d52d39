import { Card, Col, Flex, List, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getRatingSupervision, type SatisfactionRow } from '../../api/ratings';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { rectificationPath } from './ratingWords';

type By = 'byCentre' | 'byDepartment' | 'byItem';

/**
 * The supervisor dashboard's two 好差评 panels, for the scope on screen:
 * satisfaction by centre, department or item; rectifications open and
 * overdue, and 实名差评回访率 with the bad ratings still missing a call back.
 * A rectification's change reloads them (rectification:updated).
 */
export function RatingPanels({ scope }: { scope?: string }) {
  const { t } = useTranslation('ratings');
  const user = useUser();
  const [by, setBy] = useState<By>('byCentre');
  const [tick, setTick] = useState(0);
  // An administrator shares the dashboard but not these figures (the route is the supervisors'): nothing is asked for.
  const mine = user?.role === 'supervisor';
  const data = useAsync(() => (mine ? getRatingSupervision(scope) : Promise.resolve(null)), [mine, scope, tick]);
  const pending = useRef<number | null>(null);
  useStaffLive(
    {
      onRectification: () => {
        if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), setTick((n) => n + 1)), 300);
      },
    },
    mine ? user.username : null,
  );
  if (!mine) return null;
  if (data.error) return <ErrorState error={data.error} onRetry={() => void data.reload()} />;
  const d = data.data;
  const columns = [
    { title: t('panels.name'), dataIndex: 'name', key: 'name' },
    { title: t('panels.ratings'), dataIndex: 'ratings', key: 'ratings' },
    { title: t('panels.average'), dataIndex: 'average', key: 'average' },
    { title: t('panels.satisfied'), dataIndex: 'satisfied', key: 'satisfied' },
    { title: t('panels.bad'), dataIndex: 'bad', key: 'bad' },
  ];
  const cb = d?.callBack;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('panels.satisfaction')} loading={!d} data-testid="satisfaction-panel" extra={<Link to="/ratings">{t('card.monthly')}</Link>}>
          <Flex vertical gap="small">
            <Segmented value={by} onChange={(v) => setBy(v as By)} options={(['byCentre', 'byDepartment', 'byItem'] as By[]).map((k) => ({ value: k, label: t(`panels.${k}`) }))} />
            <Table<SatisfactionRow> size="small" rowKey="key" pagination={{ pageSize: 8 }} dataSource={d?.[by] ?? []} columns={columns} locale={{ emptyText: t('panels.empty') }} scroll={{ x: true }} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('panels.rectification')} loading={!d} data-testid="rectification-panel" extra={<Link to="/desk/rectifications">{t('panels.list')}</Link>}>
          {d && cb && (
            <Flex vertical gap="small">
              <Row gutter={8}>
                <Col span={6}><Statistic title={t('panels.open')} value={d.rectifications.open} /></Col>
                <Col span={6}><Statistic title={t('panels.overdueCount')} value={d.rectifications.overdue} /></Col>
                <Col span={6}><Statistic title={t('panels.resolved')} value={d.rectifications.resolved} /></Col>
                <Col span={6}><Statistic title={t('panels.dismissed')} value={d.rectifications.dismissed} /></Col>
              </Row>
              <Statistic title={t('panels.callBackRate')} value={cb.ratePercent ?? '—'} suffix={cb.ratePercent === null ? undefined : '%'} data-testid="call-back-rate" />
              <Typography.Text type="secondary">{cb.realNameBad ? t('panels.callBackOf', { calledBack: cb.calledBack, total: cb.realNameBad }) : t('panels.noBad')}</Typography.Text>
              {cb.missing.length > 0 ? (
                <List
                  size="small"
                  header={t('panels.missing')}
                  dataSource={cb.missing}
                  renderItem={(m) => (
                    <List.Item key={m.rectificationId} data-testid="missing-call-back">
                      <Link to={rectificationPath(m.rectificationId)}>{m.caseNo}</Link>
                      <Typography.Text type={m.overdue ? 'danger' : 'secondary'}>{t('rectification.dueOn', { date: m.dueOn })}</Typography.Text>
                    </List.Item>
                  )}
                />
              ) : (
                cb.realNameBad > 0 && <Typography.Text type="success">{t('panels.allCalledBack')}</Typography.Text>
              )}
            </Flex>
          )}
        </Card>
      </Col>
    </Row>
  );
}
