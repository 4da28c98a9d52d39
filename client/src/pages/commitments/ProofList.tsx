import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemProof } from '../../api/commitments';

/** The item guide's proof list (证明事项清单): per proof its legal basis, the requesting and issuing units, and whether a commitment may replace it. */
export function ProofList({ proofs }: { proofs: ItemProof[] }) {
  const { t } = useTranslation('commitments');
  if (proofs.length === 0) return null;
  return (
    <Card size="small" title={t('proofs.title')} data-testid="proof-list">
      <Typography.Paragraph type="secondary">{t('proofs.help')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={proofs}
        scroll={{ x: true }}
        columns={[
          { title: t('proofs.name'), dataIndex: 'name' },
          {
            title: t('proofs.commitment'),
            dataIndex: 'commitmentAllowed',
            width: 110,
            render: (ok: boolean) => (ok ? <Tag color="green">{t('proofs.allowed')}</Tag> : <Tag>{t('proofs.notAllowed')}</Tag>),
          },
          { title: t('proofs.basis'), dataIndex: 'legalBasis', responsive: ['md'] },
          { title: t('proofs.requesting'), dataIndex: 'requestingUnit', responsive: ['sm'] },
          { title: t('proofs.issuing'), dataIndex: 'issuingUnit', responsive: ['md'] },
        ]}
        expandable={{
          // On a phone the hidden columns open under the row.
          expandedRowRender: (p) => (
            <Typography.Paragraph style={{ margin: 0, fontSize: 12 }}>
              {t('proofs.basis')}：{p.legalBasis}
              <br />
              {t('proofs.requesting')}：{p.requestingUnit}
              <br />
              {t('proofs.issuing')}：{p.issuingUnit}
            </Typography.Paragraph>
          ),
        }}
      />
    </Card>
  );
}
