import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseRowView } from '../../api/types';
import { isClosed } from '../../components/caseStates';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { LightTag, PromiseTag } from '../../components/LightTag';

export interface CasePage<T extends CaseRowView = CaseRowView> {
  total: number;
  page: number;
  pageSize: number;
  cases: T[];
}

interface Props<T extends CaseRowView> {
  data: CasePage<T> | undefined;
  loading: boolean;
  empty: string;
  onPage: (page: number) => void;
  /** Extra columns after the case's own (the desk's last act in 已办). */
  extra?: ColumnsType<T>;
  testId: string;
}

/**
 * A page of cases as staff find them: number (opens the case), item,
 * applicant (masked as the server sent it), where it is now, the promised
 * date and its light. Shared by the search, 已办 and the drill-down lists.
 */
export function CaseResults<T extends CaseRowView>({ data, loading, empty, onPage, extra = [], testId }: Props<T>) {
  const { t, i18n } = useTranslation(['search', 'common']);
  const rows = data?.cases ?? [];
  const names = useJurisdictionNames(rows.map((c) => c.step.jurisdictionCode), i18n.language === 'en');
  const applicant = (c: CaseRowView) => {
    const a = c.applicant;
    const number = a.type === 'organisation' ? a.uscc : a.idNumber;
    return (
      <span>
        {a.name}
        {number && (
          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
            {number}
          </Typography.Text>
        )}
      </span>
    );
  };
  // Where it is now; an open case with its step's own light (the desk's 环节时限). The promise, which the dashboard counts, has its own column.
  const now = (c: CaseRowView) =>
    isClosed(c.state) ? (
      t(`common:state.${c.state}`)
    ) : (
      <span data-testid="step-now" data-light={c.step.light}>
        {`${names[c.step.jurisdictionCode] ?? t(`common:levelFull.${c.step.level}`)} · ${t(`common:state.${c.state}`)} `}
        <LightTag light={c.step.light} />
      </span>
    );
  const columns: ColumnsType<T> = [
    { title: t('columns.caseNo'), dataIndex: 'caseNo', render: (no: string) => <Link to={`/desk/cases/${no}`}>{no}</Link> },
    { title: t('columns.item'), dataIndex: 'itemName', ellipsis: true },
    { title: t('columns.applicant'), key: 'applicant', render: (_, c) => applicant(c) },
    { title: t('columns.now'), key: 'now', render: (_, c) => now(c) },
    { title: t('columns.promise'), key: 'promise', responsive: ['md'], render: (_, c) => c.promise.dueOn ?? '—' },
    { title: t('columns.light'), key: 'light', render: (_, c) => <PromiseTag p={c.promise} /> },
    ...extra,
  ];
  return (
    <Table<T>
      size="middle"
      rowKey="caseNo"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onRow={(c) => ({ 'data-testid': testId, 'data-case-no': c.caseNo } as never)}
      pagination={
        data && data.total > data.pageSize
          ? { current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false, onChange: onPage }
          : false
      }
      footer={() => <span data-testid={`${testId}-total`} data-total={data?.total ?? 0}>{t('found', { n: data?.total ?? 0 })}</span>}
      columns={columns}
    />
  );
}
