import { Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deskLabel, getProjectBoard, type BoardProject, type SlowDesk } from '../../api/projectBoard';
import { ErrorState } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';

type Light = 'green' | 'yellow' | 'red';
const LIGHTS: Light[] = ['green', 'yellow', 'red'];
const TAG: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** 投资项目监管看板: projects of the supervisor's jurisdiction by stage and light, days against 100/30, the slowest desks; live. */
export function ProjectBoardScreen() {
  const { t, i18n } = useTranslation('projectBoard');
  const user = useUser();
  const [stage, setStage] = useState<number | undefined>();
  const [light, setLight] = useState<Light | undefined>();
  const [page, setPage] = useState(1);
  const data = useAsync(() => getProjectBoard({ stage, light, page, pageSize: 20 }), [stage, light, page]);
  const pending = useRef<number | null>(null);
  const soon = () => {
    if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void data.reload()), 300);
  };
  const live = useStaffLive({ onProject: soon }, user?.username ?? null);
  const d = data.data;
  const stages = d ? Object.keys(d.byStage).sort() : [];
  const days = (g: BoardProject['whole']) => `${g.counted} / ${g.limit}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-board">
      <LivePageHeader title={t('board.title')} live={live} />
      <Typography.Paragraph type="secondary">{t('board.intro')}</Typography.Paragraph>
      {data.error && <ErrorState error={data.error} onRetry={data.reload} />}
      {d && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('board.byStage')}>
              <Table
                size="small"
                pagination={false}
                rowKey="stage"
                data-testid="by-stage"
                dataSource={stages.map((s) => ({ stage: s, ...d.byStage[s] }))}
                columns={[
                  { title: t('board.stage'), dataIndex: 'stage', render: (s: string) => t(`stageName.${s}`) },
                  ...LIGHTS.map((l) => ({ title: <Tag color={TAG[l]}>{t(`light.${l}`)}</Tag>, dataIndex: l, align: 'right' as const })),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('board.slowestDesks')}>
              <Table<SlowDesk>
                size="small"
                pagination={false}
                rowKey={(r) => `${r.jurisdictionCode}|${r.department ?? ''}`}
                data-testid="slowest-desks"
                locale={{ emptyText: t('board.noDesks') }}
                dataSource={d.slowestDesks}
                scroll={{ x: true }}
                columns={[
                  { title: t('board.desk'), key: 'name', render: (_: unknown, d) => deskLabel(d, i18n.language) },
                  { title: t('board.cases'), dataIndex: 'cases', align: 'right' },
                  { title: t('board.totalDays'), dataIndex: 'totalDays', align: 'right' },
                  { title: t('board.averageDays'), dataIndex: 'averageDays', align: 'right' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Card
        size="small"
        title={t('board.projects', { count: d?.total ?? 0 })}
        extra={
          <Space wrap>
            <Select aria-label={t('board.stage')} style={{ minWidth: 150 }} value={stage ?? 0} onChange={(v) => (setStage(v || undefined), setPage(1))} options={[{ value: 0, label: t('board.allStages') }, ...[1, 2, 3, 4].map((s) => ({ value: s, label: t(`stageName.${s}`) }))]} />
            <Select aria-label={t('board.light')} style={{ minWidth: 130 }} value={light ?? ''} onChange={(v) => (setLight((v || undefined) as Light | undefined), setPage(1))} options={[{ value: '', label: t('board.allLights') }, ...LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))]} />
          </Space>
        }
      >
        <Table<BoardProject>
          size="small"
          rowKey="code"
          loading={data.loading}
          dataSource={d?.projects ?? []}
          locale={{ emptyText: t('board.empty') }}
          scroll={{ x: true }}
          onRow={(p) => ({ 'data-testid': 'board-project', 'data-code': p.code, 'data-light': p.light }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('board.name'), dataIndex: 'name', render: (_: string, p) => <Space orientation="vertical" size={0}><Link to={`/projects/board/${p.code}`}>{p.name}</Link><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.code}</Typography.Text></Space> },
            { title: t('board.stage'), dataIndex: 'stage', render: (s: number | null) => t(`stageName.${s ?? 0}`) },
            { title: t('board.whole'), key: 'whole', align: 'right', render: (_: unknown, p) => <span data-testid="whole-days">{days(p.whole)}</span> },
            { title: t('board.approval'), key: 'approval', align: 'right', render: (_: unknown, p) => days(p.approval) },
            { title: t('board.light'), dataIndex: 'light', render: (l: Light) => <Tag color={TAG[l]}>{t(`light.${l}`)}</Tag> },
            { title: t('board.heldLongest'), key: 'desk', render: (_: unknown, p) => (p.longestDesk ? `${deskLabel(p.longestDesk, i18n.language)} · ${p.longestDesk.days}` : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
