import { Alert, App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { refileStage, type ProjectPage } from '../../api/projects';
import { errorText } from '../../components/ErrorState';
import { lightColor, stageStateColor } from './projectWords';

type Stage = ProjectPage['stages'][number];

/** One stage: its state, the cases it filed in parallel (level and light of each, live), its shared materials, why it is held. */
export function StageCard({ stage, caseLink, code, mayResume, onDone }: { stage: Stage; caseLink: 'desk' | 'track' | null; code: string; mayResume: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation('projects');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const refile = async () => {
    setBusy(true);
    try {
      const r = await refileStage(code, stage.stage);
      message.success(t('start.started', { n: r.filed.length }));
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const name = i18n.language === 'en' ? stage.name.en : stage.name.zh;
  return (
    <Card
      size="small"
      data-testid="project-stage"
      data-stage={stage.stage}
      data-state={stage.state}
      title={
        <Space wrap>
          <span>
            {stage.stage}. {name}
          </span>
          <Tag color={stageStateColor(stage.state)} data-testid="project-stage-state">{t(`stageState.${stage.state}`)}</Tag>
        </Space>
      }
    >
      {stage.holdReason && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${t('page.holdReason')}：${stage.holdReason}`} data-testid="project-hold-reason" action={mayResume && stage.state === 'held' ? <Button size="small" type="primary" loading={busy} onClick={() => void refile()} data-testid="project-refile">{t('page.refile')}</Button> : undefined} />}
      {stage.cases.length === 0 ? (
        <Typography.Text type="secondary">
          {t('page.noCases')} · {stage.items.map((i) => i.name).join('、')}
        </Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="caseNo"
          scroll={{ x: true }}
          dataSource={stage.cases}
          onRow={(c) => ({ 'data-testid': 'project-case', 'data-case': c.caseNo, 'data-state': c.state, 'data-level': c.level }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('page.cases'), dataIndex: 'itemName', render: (v: string, c) => <Space orientation="vertical" size={0}><span>{v}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.itemCode}</Typography.Text></Space> },
            { title: t('page.caseNo'), dataIndex: 'caseNo', render: (v: string) => (caseLink ? <Link to={caseLink === 'desk' ? `/desk/cases/${v}` : `/track/${v}`}>{v}</Link> : v) },
            { title: t('page.level'), dataIndex: 'level', render: (v: string, c) => <span data-testid="project-case-level">{t(`common:level.${v}`, { defaultValue: v })}{c.department ? ` · ${c.department}` : ''}</span> },
            { title: t('field.state'), dataIndex: 'state', render: (v: string) => <Tag data-testid="project-case-state">{t(`common:state.${v}`, { defaultValue: v })}</Tag> },
            { title: '', dataIndex: 'light', render: (v: string) => <Tag color={lightColor(v)}>{t(`common:light.${v}`, { defaultValue: v })}</Tag> },
          ]}
        />
      )}
      {stage.files.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('page.files')}</Typography.Text>}
          dataSource={stage.files}
          renderItem={(f) => (
            <List.Item data-testid="project-stage-file">
              {f.material} · {f.originalName}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
