import { Descriptions, Drawer, Grid, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getTransferOrg } from '../../api/transfers';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { AgreementLine } from './AgreementLine';
import { STATE_COLOURS } from './stateColours';

/** One organisation: registration, directory state, every annual evaluation with its consequence, its agreements. */
export function OrganisationDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation('transfers');
  const wide = Grid.useBreakpoint().md ?? false;
  const org = useAsync(() => (id === null ? Promise.resolve(undefined) : getTransferOrg(id)), [id]);
  const o = org.data?.organisation;
  return (
    <Drawer open={id !== null} onClose={onClose} size={wide ? 'large' : 'default'} title={o?.name} data-testid="transfer-organisation-drawer" closable={{ 'aria-label': t('detail.close') }}>
      {org.error && <ErrorState error={org.error} onRetry={org.reload} />}
      {o && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('field.uscc')}>{o.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('filter.kind')}>{t(`kind.${o.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('field.registeredOn')}>{o.registeredOn}</Descriptions.Item>
            <Descriptions.Item label={t('field.creditRating')}>{o.creditRating ?? t('notRated')}</Descriptions.Item>
            <Descriptions.Item label={t('filter.state')}>
              <Tag color={STATE_COLOURS[o.state]} data-testid="org-state">{t(`state.${o.state}`)}</Tag>
              {o.removedOn && <span>{t('field.removedOn')} {o.removedOn}</span>}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t('evaluation.title')}</Typography.Title>
          <Timeline
            items={(org.data?.evaluations ?? []).map((e) => ({
              key: e.year,
              color: e.consequence === 'removed' ? 'red' : e.consequence === 'probation' ? 'orange' : 'green',
              content: (
                <span data-testid="org-evaluation">
                  {t('evaluation.year', { year: e.year })} · {t('evaluation.score', { score: e.score })} · {t(`grade.${e.grade}`)} · {t(`consequence.${e.consequence}`)}
                  {e.notes && <Typography.Text type="secondary"> · {e.notes}</Typography.Text>}
                </span>
              ),
            }))}
          />
          <Typography.Title level={2} style={{ fontSize: 16 }}>{t('tab.agreements')}</Typography.Title>
          <List size="small" dataSource={org.data?.agreements ?? []} locale={{ emptyText: t('none') }} renderItem={(a) => <List.Item key={a.id}><AgreementLine a={a} /></List.Item>} />
        </>
      )}
    </Drawer>
  );
}
