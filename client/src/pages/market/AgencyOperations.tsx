import { App as AntApp, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operateAgency, type AgencyAnswer } from '../../api/marketAgencies';
import { errorText } from '../../components/ErrorState';

const NEEDS_REASON = new Set(['REJECT', 'SUSPEND', 'EXPEL', 'APPEAL', 'UPHOLD', 'OVERTURN']);
const DANGER = new Set(['REJECT', 'SUSPEND', 'EXPEL', 'UPHOLD']);

/** The operation buttons the server offers this caller; a reason (and for EXPEL a decision number) asked in a dialog. */
export function AgencyOperations({ id, revision, operations, onDone }: { id: number; revision: number; operations: string[]; onDone: (a: AgencyAnswer) => void }) {
  const { t } = useTranslation('marketAgencies');
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason?: string; decisionNo?: string }>();

  const send = async (type: string, values: { reason?: string; decisionNo?: string }) => {
    setBusy(true);
    try {
      const answer = await operateAgency(id, { type, reason: values.reason?.trim() || undefined, decisionNo: values.decisionNo?.trim() || undefined, expectedVersion: revision });
      void message.success(t('op.done', { op: t(`op.${type}`) }));
      setOpen(null);
      form.resetFields();
      onDone(answer);
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (operations.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="agency-operations">
        {operations.map((op) => (
          <Button key={op} danger={DANGER.has(op)} type={op === 'APPROVE' || op === 'OVERTURN' ? 'primary' : 'default'} data-testid={`agency-op-${op}`} onClick={() => setOpen(op)}>
            {t(`op.${op}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`op.${open}`) : ''}
        okText={t('op.confirm')}
        okButtonProps={{ loading: busy, ...({ 'data-testid': 'agency-op-confirm' } as Record<string, string>) }}
        onCancel={() => setOpen(null)}
        onOk={() => void form.validateFields().then((v) => send(open!, v))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('op.reason')} rules={open && NEEDS_REASON.has(open) ? [{ required: true, whitespace: true, message: t('op.reasonRequired') }] : []}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="agency-op-reason" />
          </Form.Item>
          {open === 'EXPEL' && (
            <Form.Item name="decisionNo" label={t('op.decisionNo')} rules={[{ required: true, whitespace: true, message: t('op.decisionNoRequired') }]}>
              <Input maxLength={64} data-testid="agency-op-decision" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
