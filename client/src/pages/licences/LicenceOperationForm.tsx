import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { operateLicence, type LicenceDetail, type LicenceOperation, type OperationBody } from '../../api/licenceOps';
import { errorText } from '../../components/ErrorState';
import { statusWord } from './licenceWords';

/** Operations that rest on a written decision with its 文号 (penalties, a revocation). */
const NEEDS_DECISION: readonly LicenceOperation[] = ['SUSPEND', 'REVOKE', 'WITHDRAW'];

interface Values {
  type: LicenceOperation;
  reason: string;
  decisionNo?: string;
  holderName?: string;
  until?: { format(f: string): string } | null;
}

/**
 * The issuing desk's status operations on one licence: only those its state
 * takes are offered; each needs a reason (the holder and the public check see
 * it), a penalty its decision number. A stale screen or a state that moved
 * reloads the licence and says so.
 */
export function LicenceOperationForm({ d, onDone }: { d: LicenceDetail; onDone: (next: string | null) => void }) {
  const { t, i18n } = useTranslation('licenceOps');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) as LicenceOperation | undefined;
  const [busy, setBusy] = useState(false);
  const l = d.licence;

  if (d.operations.length === 0) {
    return <Alert type="info" showIcon title={t('form.none', { status: statusWord(l.status, i18n.language) })} data-testid="licence-ended" />;
  }

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      type: v.type,
      reason: v.reason,
      expectedRevision: l.revision,
      ...(NEEDS_DECISION.includes(v.type) ? { decisionNo: v.decisionNo } : {}),
      ...(v.type === 'AMEND' ? { holderName: v.holderName } : {}),
      ...(v.type === 'SUSPEND' && v.until ? { until: v.until.format('YYYY-MM-DD') } : {}),
    } as OperationBody;
    setBusy(true);
    try {
      const res = await operateLicence(l.id, body);
      message.success(res.next ? t('form.next') : t('form.done', { op: t(`op.${v.type}`) }));
      form.resetFields();
      onDone(res.next);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : null;
      if (code === 'VERSION_CONFLICT' || code === 'INVALID_TRANSITION') {
        message.warning(code === 'VERSION_CONFLICT' ? t('form.stale') : t('form.notNow', { op: t(`op.${v.type}`) }));
        onDone(null);
      } else message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('form.title')} data-testid="licence-operations">
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ type: d.operations[0] }}>
        <Form.Item name="type" label={t('form.operation')}>
          <Select data-testid="licence-op-type" options={d.operations.map((o) => ({ value: o, label: t(`op.${o}`) }))} />
        </Form.Item>
        {type && (
          <Typography.Paragraph type="secondary" data-testid="licence-op-help">
            {t(`opHelp.${type}`)}
          </Typography.Paragraph>
        )}
        {type === 'AMEND' && (
          <Form.Item name="holderName" label={t('form.holderName')} rules={[{ required: true, whitespace: true, message: t('form.holderNameRequired') }]}>
            <Input maxLength={200} data-testid="licence-op-holder" />
          </Form.Item>
        )}
        {type && NEEDS_DECISION.includes(type) && (
          <Form.Item name="decisionNo" label={t('form.decisionNo')} rules={[{ required: true, whitespace: true, message: t('form.decisionNoRequired') }]}>
            <Input maxLength={120} data-testid="licence-op-decision" />
          </Form.Item>
        )}
        {type === 'SUSPEND' && (
          <Form.Item name="until" label={t('form.until')}>
            <DatePicker style={{ width: '100%' }} data-testid="licence-op-until" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('form.reason')} extra={t('form.reasonHelp')} rules={[{ required: true, whitespace: true, message: t('form.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="licence-op-reason" />
        </Form.Item>
        <Popconfirm title={t('form.confirm', { name: l.name, op: type ? t(`op.${type}`) : '' })} onConfirm={() => void submit()} okButtonProps={{ 'data-testid': 'licence-op-confirm' } as Record<`data-${string}`, string>}>
          <Button type="primary" danger={type !== 'RENEW' && type !== 'AMEND' && type !== 'RESTORE'} loading={busy} data-testid="licence-op-submit" block>
            {t('form.submit', { op: type ? t(`op.${type}`) : '' })}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
