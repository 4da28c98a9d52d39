import { Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listProjects } from '../../api/projects';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { lightColor, projectStateColor } from './projectWords';

const STATES = ['coded', 'in_stage', 'held', 'completed', 'cancelled'];

/** The projects the caller may see: the owner's own (with the register button), staff their jurisdiction's (searchable), live. */
export function ProjectsScreen() {
  const { t } = useTranslation('projects');
  const user = useUser();
  const [q, setQ] = useState('');
  const [state, setState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useAsync(() => listProjects({ q: q || undefined, state, page, pageSize: 20 }), [q, state, page]);
  const live = useStaffLive({ onProject: () => void list.reload() }, user?.username ?? null);
  const owner = user?.role === 'applicant';
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }} data-testid="projects-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">{owner ? t('list.mineTitle') : t('list.title')}</Typography.Title>
        <Space wrap>
          <LiveBadge status={live} />
          {owner && (
            <Link to="/projects/new" data-testid="projects-register">
              <Button type="primary">{t('list.register')}</Button>
            </Link>
          )}
          {(user?.role === 'supervisor' || user?.role === 'admin') && <Link to="/projects/board">{t('list.board')}</Link>}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Space wrap>
        <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 320 }} data-testid="projects-search" />
        <Select allowClear placeholder={t('list.allStates')} aria-label={t('field.state')} style={{ width: 180 }} value={state} onChange={(v) => (setState(v), setPage(1))} options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
      </Space>
      <Card size="small">
        <List
          loading={list.loading && !list.data}
          dataSource={list.data?.projects ?? []}
          locale={{ emptyText: t('list.empty') }}
          pagination={list.data && list.data.total > 20 ? { current: page, pageSize: 20, total: list.data.total, onChange: setPage, showSizeChanger: false } : false}
          footer={list.data ? <Typography.Text type="secondary" data-testid="projects-total">{t('list.total', { n: list.data.total })}</Typography.Text> : null}
          renderItem={(p) => (
            <List.Item data-testid="project-row" data-code={p.code} data-state={p.state}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/projects/${p.code}`}>{p.name}</Link>
                    <Tag color={projectStateColor(p.state)} data-testid="project-row-state">{t(`state.${p.state}`)}</Tag>
                    {p.currentStage && <Tag>{t('field.stage')} {p.currentStage}</Tag>}
                    <Tag color={lightColor(p.light)}>{t('field.counted')} {p.countedDays}</Tag>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {p.code} · {p.ownerName} · {t(`type.${p.type}`)} · {p.location}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
