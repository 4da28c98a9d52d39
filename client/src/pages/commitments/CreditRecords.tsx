import { App, Button, Card, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCreditRecords, repairCreditRecord, type CreditRecordView } from '../../api/commitments';
import { ErrorState, errorText } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useAsync } from '../../components/useAsync';

/** Credit records of false commitments (the department's, a supervisor's area), with 信用修复 for the recording department. */
export function CreditRecords({ mayRepair, refreshKey }: { mayRepair: boolean; refreshKey: number }) {
  const { t } = useTranslation(['commitments', 'errors']);
  const { message } = App.useApp();
  const list = useAsync(() => listCreditRecords(), [refreshKey]);
  const [repairing, setRepairing] = useState<CreditRecordView | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const repair = async () => {
    if (!repairing) return;
    if (!reason.trim()) return void message.warning(t('credit.repairReasonRequired'));
    setBusy(true);
    try {
      await repairCreditRecord(repairing.id, reason.trim());
      message.success(t('credit.repairDone'));
      setRepairing(null);
      setReason('');
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
      void list.reload();
    }
  };

  return (
    <Card size="small" title={t('credit.title')} data-testid="credit-records">
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <List
        size="small"
        loading={!list.data && !list.error}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('credit.empty') }}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            data-testid="credit-record"
            data-repaired={c.repaired ? 'yes' : 'no'}
            actions={
              mayRepair && !c.repaired
                ? [
                    <Button key="repair" size="small" onClick={() => setRepairing(c)} aria-label={t('credit.repairOf', { name: c.subject.name })} data-testid="credit-repair">
                      {t('credit.repair')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text strong>{c.subject.name}</Typography.Text>
                <Tag>{t(`credit.${c.subject.type}`)}</Tag>
                {c.repaired ? <Tag color="green">{t('credit.repaired', { reason: c.repaired.reason })}</Tag> : <Tag color="red">{t('credit.unrepaired')}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.subject.code} · {t('credit.decisionNo', { no: c.decisionNo })} · {formatTime(c.createdAt)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 12 }}>{c.reasons}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Modal open={!!repairing} title={repairing ? t('credit.repairOf', { name: repairing.subject.name }) : ''} onOk={() => void repair()} confirmLoading={busy} onCancel={() => setRepairing(null)} okText={t('credit.repair')}>
        <Input.TextArea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('credit.repairReason')} placeholder={t('credit.repairReason')} data-testid="credit-repair-reason" />
      </Modal>
    </Card>
  );
}
