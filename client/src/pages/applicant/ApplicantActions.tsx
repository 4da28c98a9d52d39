import { App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, DeliveryMode } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { isConflict, sendAction, type ActionBody } from '../../live/sendAction';
import { DeliveryFields } from './DeliveryFields';

interface Props {
  c: CaseView;
  queryCode: string | null;
  onChanged: () => void;
}

/** What the applicant may do now (the server says which): supply materials, withdraw, choose delivery, confirm receipt. */
export function ApplicantActions({ c, queryCode, onChanged }: Props) {
  const { t } = useTranslation(['applicant', 'common']);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [deliveryOpen, setDeliveryOpen] = useState(false);
  const [supplied, setSupplied] = useState<string[]>([]);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [deliveryForm] = Form.useForm<{ mode: DeliveryMode; address?: string }>();
  const can = (a: string) => c.actions.includes(a as never);

  const act = async (body: ActionBody) => {
    setBusy(true);
    try {
      await sendAction(c, body, queryCode);
      message.success(t('track.actionDone'));
      return true;
    } catch (e) {
      if (isConflict(e)) message.warning(t('track.conflict'));
      else message.error(errorText(e, t));
      return false;
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  if (!['SUPPLY_MATERIALS', 'WITHDRAW', 'COMPLETE', 'CHOOSE_DELIVERY'].some(can)) return null;
  return (
    <Card size="small" data-testid="applicant-actions">
      {can('SUPPLY_MATERIALS') && c.missingMaterials.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <strong>{t('track.missing')}</strong>
          <Checkbox.Group value={supplied} onChange={(v) => setSupplied(v as string[])} options={c.missingMaterials.map((m) => ({ label: m, value: m }))} />
          <Button type="primary" disabled={supplied.length === 0} loading={busy} onClick={() => void act({ type: 'SUPPLY_MATERIALS', materials: supplied })}>
            {t('track.supply')}
          </Button>
        </Space>
      )}
      <Space wrap>
        {can('COMPLETE') && (
          <Button type="primary" loading={busy} onClick={() => void act({ type: 'COMPLETE' })}>
            {t('track.complete')}
          </Button>
        )}
        {can('CHOOSE_DELIVERY') && (
          <Button
            onClick={() => {
              deliveryForm.setFieldsValue({ mode: c.delivery.mode, address: c.delivery.address ?? undefined });
              setDeliveryOpen(true);
            }}
          >
            {t('track.chooseDelivery')}
          </Button>
        )}
        {can('WITHDRAW') && (
          <Popconfirm
            title={t('track.withdrawConfirm')}
            description={<Input aria-label={t('track.withdrawReason')} placeholder={t('track.withdrawReason')} value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} />}
            okButtonProps={{ danger: true }}
            onConfirm={() => act({ type: 'WITHDRAW', ...(withdrawReason.trim() ? { reason: withdrawReason.trim() } : {}) })}
          >
            <Button danger loading={busy}>
              {t('track.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Modal
        title={t('track.chooseDelivery')}
        open={deliveryOpen}
        confirmLoading={busy}
        onCancel={() => setDeliveryOpen(false)}
        onOk={() => deliveryForm.submit()}
        destroyOnHidden
      >
        <Form
          form={deliveryForm}
          layout="vertical"
          onFinish={async (v) => {
            if (await act({ type: 'CHOOSE_DELIVERY', mode: v.mode, ...(v.mode === 'post' ? { address: v.address } : {}) })) setDeliveryOpen(false);
          }}
        >
          <DeliveryFields />
        </Form>
      </Modal>
    </Card>
  );
}
