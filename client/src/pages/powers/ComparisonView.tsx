import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Comparison } from '../../api/powers';

type Change = Comparison['changes'][number];

/** What changed between two versions: the counts from the rows, then each change with reason, basis and the entries it reached. */
export function ComparisonView({ data, loading, onPage }: { data: Comparison; loading: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation('powers');
  const s = data.summary;
  const sample = (list: { code: string; name: string }[]) => list.map((e) => <Link key={e.code} to={`/powers/${e.code}`} style={{ marginRight: 8 }}>{e.name}</Link>);
  return (
    <>
      <Alert
        style={{ margin: '12px 0' }}
        type="success"
        data-testid="power-compare-summary"
        title={t('versions.summary', { from: s.fromEntries, to: s.toEntries, cut: s.removed.cut, merged: s.removed.mergedAway, moved: s.removed.moved, added: s.added.added, mergedInto: s.added.mergedInto, net: -s.net })}
      />
      <Table<Change>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data.changes}
        scroll={{ x: true }}
        pagination={data.total > data.pageSize ? { current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false, size: 'small', onChange: onPage } : false}
        columns={[
          { title: t('versions.changes.kind'), key: 'kind', render: (_, c) => `${t(`kind.${c.kind}`)}${c.toLevel ? ` → ${t(`level.${c.toLevel}`)}` : ''}` },
          { title: t('versions.changes.reason'), key: 'reason', render: (_, c) => c.reason },
          { title: t('versions.changes.basis'), key: 'basis', render: (_, c) => c.basis },
          { title: t('versions.changes.reach'), key: 'reach', render: (_, c) => <>{t('versions.changes.entries', { ended: c.ended, started: c.started })}<div>{sample([...c.endedSample, ...c.startedSample])}</div></> },
        ]}
      />
    </>
  );
}
