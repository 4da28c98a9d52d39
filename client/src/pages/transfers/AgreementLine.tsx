import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferAgreement } from '../../api/transfers';

/** One agreement: number, parties, function, term, money, deliverables, and whether it runs and may be renewed. */
export function AgreementLine({ a }: { a: TransferAgreement }) {
  const { t, i18n } = useTranslation('transfers');
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }} data-testid="transfer-agreement">
      <Typography.Text strong>{a.function.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {a.agreementNo} · {a.unit.name} ⇄ {a.organisation.name}
      </Typography.Text>
      <Typography.Text style={{ fontSize: 12 }}>
        {t('field.term')}：{a.termFrom} – {a.termTo} · {t('field.amount')}：{t('yuan', { n: a.amountYuan.toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en') })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('field.deliverables')}：{a.deliverables.join('；')}</Typography.Text>
      <Space wrap size={[4, 4]}>
        <Tag color={a.running ? 'green' : 'default'}>{a.running ? t('running') : t('ended')}</Tag>
        <Tag color={a.renewable ? 'blue' : 'red'}>{a.renewable ? t('renewable') : t('notRenewable')}</Tag>
      </Space>
    </Space>
  );
}
