import { Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, qs } from '../../api/http';
import { departmentName, loadDepartments } from '../../api/reference';
import type { CaseRowView } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { CaseResults, type CasePage } from './CaseResults';
import { DeskTabs } from './DeskTabs';

/** A case of 已办 (GET /api/desk/handled): as it is now, and this desk's last act on it. */
type HandledCase = CaseRowView & { handled: { type: string; fromState: string | null; toState: string; actorName: string; opinion: string | null; at: string } };

/** 已办: what this desk handled, with the outcome of its last act and where each case is now. */
export function HandledScreen() {
  const { t, i18n } = useTranslation(['search', 'common']);
  const en = i18n.language === 'en';
  const user = useUser()!;
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const list = useAsync(() => api<CasePage<HandledCase>>('GET', `/api/desk/handled${qs({ page, pageSize: 20 })}`), [page]);
  const deps = useAsync(loadDepartments, []);
  const names = useJurisdictionNames([user.jurisdictionCode], en);
  const desk = `${names[user.jurisdictionCode] ?? ''}${user.department ? ` · ${departmentName(deps.data, user.department, en)}` : ''}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('handled.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('handled.subtitle', { desk })}</Typography.Text>
        </div>
        <DeskTabs current="handled" />
      </Flex>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <CaseResults<HandledCase>
          data={list.data}
          loading={list.loading}
          empty={t('handled.empty')}
          onPage={(p) => setParams(new URLSearchParams({ page: String(p) }))}
          testId="handled-row"
          extra={[
            {
              title: t('columns.handled'),
              key: 'handled',
              render: (_, c) => (
                <Flex vertical>
                  <span data-testid="handled-act" data-type={c.handled.type}>
                    {t(`common:event.${c.handled.type}`)}
                  </span>
                  <Typography.Text type="secondary">{t('handled.by', { name: c.handled.actorName, at: formatTime(c.handled.at) })}</Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
