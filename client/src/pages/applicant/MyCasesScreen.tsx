import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api/http';
import type { CasesPage } from '../../api/types';
import { isClosed, stateColor } from '../../components/caseStates';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { PromiseTag } from '../../components/LightTag';
import { useAsync } from '../../components/useAsync';
import { MyCertificates } from '../certificates/MyCertificates';
import { MyLicences } from '../licences/MyLicences';
import { MyCommitments } from '../commitments/MyCommitments';

const PAGE_SIZE = 10;

/** An applicant with an account: every case they filed, newest first, each opening its live tracking page; then their e-licences. */
export function MyCasesScreen() {
  const { t } = useTranslation(['applicant', 'common']);
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAsync(() => api<CasesPage>('GET', `/api/cases${qs({ page, pageSize: PAGE_SIZE })}`), [page]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t('mine.title')}
      </Typography.Title>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Card size="small">
          <List
            loading={list.loading}
            dataSource={list.data?.cases ?? []}
            locale={{ emptyText: <Link to="/">{t('mine.empty')}</Link> }}
            pagination={list.data && list.data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: list.data.total, onChange: (p) => setParams({ page: String(p) }) } : false}
            renderItem={(c) => (
              <List.Item key={c.caseNo} data-testid="my-case">
                <List.Item.Meta
                  title={<Link to={`/track/${c.caseNo}`}>{c.itemName}</Link>}
                  description={
                    <Space wrap size={4}>
                      <span>{c.caseNo}</span>
                      <Tag color={stateColor(c.state)}>{t(`common:state.${c.state}`)}</Tag>
                      {!isClosed(c.state) && <><span data-testid="my-case-promise">{c.promise.dueOn ?? ''}</span> <PromiseTag p={c.promise} /></>}
                      <span>{formatTime(c.filedAt)}</span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <MyCertificates />
      <MyLicences />
      <MyCommitments />
    </Space>
  );
}
