import { Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getProject } from '../../api/projects';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { StageCard } from './StageCard';
import { StartStageForm } from './StartStageForm';
import { WaitsCard } from './WaitsCard';
import { ProjectTimeline } from './ProjectTimeline';
import { atLocal, lightColor, projectStateColor } from './projectWords';

/** A project's page, live: what it is, its four stages with their cases, the start of the next stage, waits, services waited for, history. */
export function ProjectScreen() {
  const { t, i18n } = useTranslation('projects');
  const code = useParams().code ?? '';
  const user = useUser();
  const detail = useAsync(() => getProject(code), [code]);
  const live = useStaffLive({ onProject: (e) => e.code === code && void detail.reload() }, user?.username ?? null);
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  const p = d.project;
  const staff = !!user && ['clerk', 'reviewer', 'supervisor', 'admin'].includes(user.role);
  const industry = p.industryName ? (i18n.language === 'en' ? p.industryName.en : p.industryName.zh) : p.industry;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }} data-testid="project-page" data-state={p.state} data-revision={p.revision}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">{p.name}</Typography.Title>
        <Space wrap>
          <LiveBadge status={live} />
          {user?.role === 'applicant' && p.state !== 'completed' && p.state !== 'cancelled' && (
            <Link to={`/proxy/new?project=${encodeURIComponent(p.code)}`} data-testid="project-ask-proxy">
              {t('page.proxy')}
            </Link>
          )}
        </Space>
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('field.code')}><span data-testid="project-code">{p.code}</span></Descriptions.Item>
        <Descriptions.Item label={t('field.state')}>
          <Tag color={projectStateColor(p.state)} data-testid="project-state">{t(`state.${p.state}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.owner')}>{p.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('field.uscc')}>{p.owner.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('field.legalRep')}>{p.owner.legalRep}</Descriptions.Item>
        <Descriptions.Item label={t('field.phone')}>{p.owner.phone}</Descriptions.Item>
        <Descriptions.Item label={t('field.location')}>{p.location}</Descriptions.Item>
        <Descriptions.Item label={t('field.type')}>{t(`type.${p.type}`)} · {industry}</Descriptions.Item>
        <Descriptions.Item label={t('field.investment')}>{p.investment}</Descriptions.Item>
        <Descriptions.Item label={t('field.landStatus')}>{t(`land.${p.landStatus}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.codedOn')}>{p.codedOn}</Descriptions.Item>
        <Descriptions.Item label={t('field.counted')}>
          <Tag color={lightColor(d.clock.light)} data-testid="project-counted">{t('field.countedValue', { days: d.clock.whole.counted, working: d.clock.approval.counted })}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <ProjectTimeline clock={d.clock} />
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('page.stages')}</Typography.Title>
      {d.stages.map((s) => (
        <StageCard key={s.stage} stage={s} caseLink={staff ? 'desk' : user?.role === 'applicant' ? 'track' : null} code={p.code} mayResume={d.actions.includes('RESUME')} onDone={() => void detail.reload()} />
      ))}
      <StartStageForm page={d} onDone={() => void detail.reload()} />
      <WaitsCard page={d} onDone={() => void detail.reload()} />
      <Card size="small" title={t('page.services')} data-testid="project-services">
        <List
          size="small"
          dataSource={d.intermediaryServices}
          locale={{ emptyText: t('page.noServices') }}
          renderItem={(o) => (
            <List.Item data-testid="project-service">
              <Space wrap>
                <Link to={`/market/orders/${o.id}`}>{o.title}</Link>
                <span>{o.serviceItemName ?? o.serviceItemCode}</span>
                <Tag>{o.governmentPaid ? t('page.governmentPaid') : t('page.ownerPaid')}</Tag>
                <Tag>{t(`marketOrders:state.${o.state}`, { defaultValue: o.state })}</Tag>
                <span>{o.caseNo}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('page.history')}>
        <Timeline
          items={[...d.history].reverse().slice(0, 50).map((e) => {
            const behalf = (e.payload as { onBehalfOf?: { ownerName: string; proxyOrderNo: string } }).onBehalfOf;
            const caseNo = (e.payload as { caseNo?: string }).caseNo;
            return {
              key: e.seq,
              content: (
                <Space orientation="vertical" size={0} data-testid="project-event" data-type={e.type}>
                  <Typography.Text strong>
                    {t(`event.${e.type}`, { defaultValue: e.type })}
                    {caseNo ? ` · ${caseNo}` : ''}
                  </Typography.Text>
                  {e.reason && <Typography.Text>{e.reason}</Typography.Text>}
                  {behalf && <Typography.Text type="secondary">{t('onBehalf', { owner: behalf.ownerName, orderNo: behalf.proxyOrderNo })}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.actorName} · {atLocal(e.at)}
                  </Typography.Text>
                </Space>
              ),
            };
          })}
        />
      </Card>
    </Space>
  );
}
