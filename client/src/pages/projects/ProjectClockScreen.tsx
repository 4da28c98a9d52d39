import { Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getProjectClock } from '../../api/projectBoard';
import { ErrorState } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ProjectTimeline } from './ProjectTimeline';

/** One project's clocks and timeline, opened from the board; live on the project's changes. */
export function ProjectClockScreen() {
  const { t } = useTranslation('projectBoard');
  const { code = '' } = useParams();
  const user = useUser();
  const data = useAsync(() => getProjectClock(code), [code]);
  const pending = useRef<number | null>(null);
  const live = useStaffLive(
    {
      onProject: (e) => {
        if (e.code === code && pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void data.reload()), 300);
      },
    },
    user?.username ?? null,
  );
  const c = data.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-clock">
      <Link to="/projects/board">{t('clock.back')}</Link>
      <LivePageHeader title={c ? c.project.name : t('clock.title')} live={live} />
      <Typography.Text type="secondary">{code}</Typography.Text>
      {data.error && <ErrorState error={data.error} onRetry={data.reload} />}
      {c && <ProjectTimeline clock={c} />}
    </Space>
  );
}
