import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listFileOpenings } from '../../api/files';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { useAsync } from '../../components/useAsync';

interface Props {
  caseNo: string;
  queryCode: string | null;
  /** The case's last event: a new one fetches the list again (an opening itself is not an event: 刷新 asks). */
  lastSeq: number;
}

/** 谁看过我的材料: every opening of the applicant's files, newest first: who (name, role, level and place), what, how and when. */
export function ViewsPanel({ caseNo, queryCode, lastSeq }: Props) {
  const { t, i18n } = useTranslation(['files', 'common']);
  const views = useAsync(() => listFileOpenings(caseNo, { queryCode }), [caseNo, queryCode, lastSeq]);
  const rows = [...(views.data ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const names = useJurisdictionNames(rows.map((v) => v.viewer.jurisdictionCode).filter((c): c is string => !!c), i18n.language === 'en');
  return (
    <Card
      size="small"
      title={t('views.title')}
      data-testid="file-views"
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={views.loading} onClick={() => void views.reload()} className="no-print" data-testid="file-views-refresh">
          {t('views.refresh')}
        </Button>
      }
    >
      {views.error && <ErrorState error={views.error} onRetry={views.reload} />}
      <List
        size="small"
        dataSource={rows}
        loading={!views.data && !views.error}
        locale={{ emptyText: t('views.empty') }}
        renderItem={(v, i) => (
          <List.Item key={`${v.fileId}-${v.at}-${i}`} data-testid="file-view" data-role={v.viewer.role} data-disposition={v.disposition}>
            <div>
              <div>
                <Typography.Text strong>{v.viewer.name}</Typography.Text> <Tag>{t(`common:role.${v.viewer.role}`)}</Tag>
                {v.viewer.level && <Tag>{t(`common:level.${v.viewer.level}`)}</Tag>}
                {v.viewer.jurisdictionCode && names[v.viewer.jurisdictionCode]}
              </div>
              <div>
                {t('views.what', { how: t(`views.${v.disposition}`), material: v.material, file: v.fileName })}
                {' · '}
                <Typography.Text type="secondary">{formatTime(v.at)}</Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
