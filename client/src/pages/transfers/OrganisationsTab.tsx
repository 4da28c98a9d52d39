import { Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTransferOrgs, type TransferOrg } from '../../api/transfers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { ORG_KINDS } from '../../../../workflows/transferKinds';
import { ORG_STATES } from '../../../../workflows/transferEvaluation';
import { Filters } from './Filters';
import { OrganisationDrawer } from './OrganisationDrawer';

const PAGE_SIZE = 20;
import { STATE_COLOURS } from './stateColours';

/** 承接组织目录: the receiving organisations, their credit rating, directory state and latest evaluation. */
export function OrganisationsTab() {
  const { t } = useTranslation('transfers');
  const [q, setQ] = useState<{ filters: Record<string, string | undefined>; page: number }>({ filters: {}, page: 1 });
  const [open, setOpen] = useState<number | null>(null);
  const found = useAsync(() => listTransferOrgs({ ...q.filters, page: q.page, pageSize: PAGE_SIZE }), [q]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('evaluation.rule')}</Typography.Paragraph>
      <Filters choices={[{ name: 'kind', options: [...ORG_KINDS], words: 'kind' }, { name: 'state', options: [...ORG_STATES], words: 'state' }]} onSearch={(filters) => setQ({ filters, page: 1 })} />
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      <List<TransferOrg>
        loading={found.loading}
        dataSource={found.data?.organisations ?? []}
        locale={{ emptyText: t('none') }}
        data-testid="transfer-organisations"
        footer={<span data-testid="transfers-total" data-total={found.data?.total ?? 0}>{t('total', { n: found.data?.total ?? 0 })}</span>}
        pagination={found.data && found.data.total > PAGE_SIZE ? { current: q.page, pageSize: PAGE_SIZE, total: found.data.total, showSizeChanger: false, size: 'small', onChange: (page) => setQ((x) => ({ ...x, page })) } : false}
        renderItem={(o) => (
          <List.Item key={o.id} data-testid="transfer-organisation" data-state={o.state} actions={[<Button key="open" size="small" onClick={() => setOpen(o.id)}>{t('detail.open')}</Button>]}>
            <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text strong>{o.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>No. {o.id} · {t('field.uscc')} {o.uscc}</Typography.Text>
              <Space wrap size={[4, 4]}>
                <Tag>{t(`kind.${o.kind}`)}</Tag>
                <Tag>{t('field.creditRating')}：{o.creditRating ?? t('notRated')}</Tag>
                <Tag color={STATE_COLOURS[o.state]}>{t(`state.${o.state}`)}</Tag>
                {o.lastEvaluation && (
                  <Tag>
                    {t('field.lastEvaluation')}：{t('evaluation.year', { year: o.lastEvaluation.year })} {t('evaluation.score', { score: o.lastEvaluation.score })} {t(`grade.${o.lastEvaluation.grade}`)}
                  </Tag>
                )}
                {o.functions !== undefined && <Tag>{t('field.functionsHeld', { n: o.functions })}</Tag>}
                {o.agreements !== undefined && <Tag>{t('field.agreementsHeld', { n: o.agreements })}</Tag>}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <OrganisationDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
