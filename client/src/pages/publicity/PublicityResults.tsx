import { Grid, List, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RegisterEntry, RegisterPage } from '../../api/publicity';
import { entryMarks, Holder, Licence, Status, Validity } from './EntryParts';

interface Props {
  data: RegisterPage | undefined;
  loading: boolean;
  onPage: (page: number) => void;
}

/**
 * A page of the register: a table on a desktop, a list of cards on a phone
 * (the same fields, one entry per card). Newest decision first.
 */
export function PublicityResults({ data, loading, onPage }: Props) {
  const { t } = useTranslation('publicity');
  const wide = Grid.useBreakpoint().md ?? false;
  const entries = data?.entries ?? [];
  const pagination =
    data && data.total > data.pageSize ? { current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false, onChange: onPage, size: 'small' as const } : false;
  const total = (
    <span data-testid="publicity-total" data-total={data?.total ?? 0}>
      {t('found', { n: data?.total ?? 0 })}
    </span>
  );

  if (!wide) {
    return (
      <List<RegisterEntry>
        loading={loading}
        dataSource={entries}
        locale={{ emptyText: t('none') }}
        pagination={pagination}
        footer={total}
        data-testid="publicity-list"
        renderItem={(e) => (
          <List.Item key={e.id} {...entryMarks(e)}>
            <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Holder e={e} />
              <Typography.Text>{e.content}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {t('columns.docNo')}：<span data-testid="entry-doc-no">{e.decision.docNo}</span>
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('columns.decidedOn')}：{e.decision.decidedOn} · {t('columns.publishedOn')}：{e.publishedOn} · {t('columns.category')}：{t(`category.${e.category}`)}
              </Typography.Text>
              <Licence e={e} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('columns.validity')}：<Validity e={e} />
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('columns.issuer')}：{e.issuer.name}
              </Typography.Text>
              <Status e={e} />
            </Space>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<RegisterEntry> = [
    { title: t('columns.holder'), key: 'holder', render: (_, e) => <Holder e={e} /> },
    { title: t('columns.docNo'), key: 'docNo', render: (_, e) => <span data-testid="entry-doc-no">{e.decision.docNo}</span> },
    { title: t('columns.licence'), key: 'licence', render: (_, e) => <Licence e={e} /> },
    { title: t('columns.content'), key: 'content', responsive: ['xl'], render: (_, e) => e.content },
    { title: t('columns.category'), key: 'category', responsive: ['xxl'], render: (_, e) => t(`category.${e.category}`) },
    { title: t('columns.decidedOn'), key: 'decidedOn', render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{e.decision.decidedOn}</span> },
    { title: t('columns.validity'), key: 'validity', responsive: ['lg'], render: (_, e) => <Validity e={e} /> },
    { title: t('columns.issuer'), key: 'issuer', render: (_, e) => e.issuer.name },
    { title: t('columns.status'), key: 'status', render: (_, e) => <Status e={e} /> },
  ];
  return (
    <Table<RegisterEntry>
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={entries}
      columns={columns}
      locale={{ emptyText: t('none') }}
      onRow={(e) => entryMarks(e) as never}
      pagination={pagination}
      footer={() => total}
      data-testid="publicity-table"
    />
  );
}
