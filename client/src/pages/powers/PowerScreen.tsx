import { Card, Descriptions, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getPower, type PowerChange, type PowerDetail } from '../../api/powers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

type Duty = PowerDetail['responsibilities'][number];

/** One power: its entry, process, channels, responsibility list, the items implementing it, its versions and adjustments. */
export function PowerScreen() {
  const { t } = useTranslation('powers');
  const code = useParams().code ?? '';
  const found = useAsync(() => getPower(code), [code]);
  const wide = Grid.useBreakpoint().md ?? false;
  if (found.error) return <ErrorState error={found.error} onRetry={found.reload} />;
  const p = found.data;
  if (!p) return <Card loading />;
  const change = (c: PowerChange | null) => (c ? `${t(`kind.${c.kind}`)}：${c.reason}（${c.basis}）` : t('detail.none'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="power-page">
      <Link to="/powers">{t('detail.back')}</Link>
      <Typography.Title level={1} className="page-title">
        {p.name}
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('columns.code')}>{p.code}</Descriptions.Item>
          <Descriptions.Item label={t('columns.type')}>
            <Tag>{p.type}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.body')}>{p.department.name}</Descriptions.Item>
          <Descriptions.Item label={t('detail.level')}>{t(`level.${p.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.jurisdiction')}>{p.jurisdiction.name}</Descriptions.Item>
          {p.scope && <Descriptions.Item label={t('detail.scope')}>{p.scope}</Descriptions.Item>}
          <Descriptions.Item label={t('detail.basis')} span={2}>
            {p.basis ?? t('detail.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.process')} span={2}>
            {p.process.join(' → ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.supervision')} span={2}>
            {p.supervision.text}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.remedy')} span={2}>
            {p.remedy.text}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('detail.duties')}>
        {wide ? (
          <Table<Duty>
            size="small"
            rowKey={(d) => `${d.own}-${d.seq}`}
            pagination={false}
            dataSource={p.responsibilities}
            scroll={{ x: true }}
            columns={[
              { title: t('detail.matter'), key: 'matter', render: (_, d) => <>{d.matter}{d.own && <Tag style={{ marginLeft: 4 }}>{t('detail.own')}</Tag>}</> },
              { title: t('detail.dutyBasis'), key: 'basis', render: (_, d) => d.basis },
              { title: t('detail.accountability'), key: 'acc', render: (_, d) => d.accountability },
              { title: t('detail.targets'), key: 'targets', render: (_, d) => d.targets },
            ]}
          />
        ) : (
          // A phone: one card per responsibility, its four fields one under the other.
          <List<Duty>
            size="small"
            dataSource={p.responsibilities}
            renderItem={(d) => (
              <List.Item key={`${d.own}-${d.seq}`}>
                <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                  <Typography.Text strong>{d.matter}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('detail.dutyBasis')}：{d.basis}</Typography.Text>
                  <Typography.Text style={{ fontSize: 12 }}>{t('detail.accountability')}：{d.accountability}</Typography.Text>
                  <Typography.Text style={{ fontSize: 12 }}>{t('detail.targets')}：{d.targets}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('detail.items')}>
        <List
          size="small"
          dataSource={p.items}
          locale={{ emptyText: t('detail.noItems') }}
          renderItem={(i) => (
            <List.Item key={i.code}>
              <Link to={`/items/${i.code}`}>{i.name}</Link> <Typography.Text type="secondary">{i.code}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('detail.history')}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('detail.versions')}>{p.versions.map((v) => v.name).join('；') || t('detail.none')}</Descriptions.Item>
          <Descriptions.Item label={t('detail.started')}>{change(p.history.started)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.ended')}>{change(p.history.ended)}</Descriptions.Item>
          {p.history.mergedFrom.length > 0 && (
            <Descriptions.Item label={t('detail.mergedFrom')}>
              {p.history.mergedFrom.map((e) => <Link key={e.code} to={`/powers/${e.code}`} style={{ marginRight: 8 }}>{e.name}</Link>)}
            </Descriptions.Item>
          )}
          {p.history.mergedInto.length > 0 && (
            <Descriptions.Item label={t('detail.mergedInto')}>
              {p.history.mergedInto.map((e) => <Link key={e.code} to={`/powers/${e.code}`}>{e.name}</Link>)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </Space>
  );
}
