import { Alert, App, Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { recordOutcome, type OutcomeBody, type PostCheckDetail, type PostCheckOutcome } from '../../api/commitments';
import { errorText } from '../../components/ErrorState';

interface Values {
  type: PostCheckOutcome;
  reason: string;
  decisionNo?: string;
}

/** The checking desk's outcome: the commitment held, or it was false (a decision number, and a credit record on the applicant). */
export function PostCheckOutcomeForm({ d, onDone }: { d: PostCheckDetail; onDone: () => void }) {
  const { t } = useTranslation(['commitments', 'errors']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const [busy, setBusy] = useState(false);
  if (d.outcomes.length === 0) return null;

  const submit = async (v: Values) => {
    const body = (v.type === 'FIND_FALSE' ? { type: v.type, reason: v.reason, decisionNo: v.decisionNo, expectedRevision: d.postCheck.revision } : { type: v.type, reason: v.reason, expectedRevision: d.postCheck.revision }) as OutcomeBody;
    setBusy(true);
    try {
      await recordOutcome(d.postCheck.id, body);
      message.success(t('outcome.done'));
      form.resetFields();
    } catch (e) {
      if (!(e instanceof ApiError && (e.code === 'VERSION_CONFLICT' || e.code === 'INVALID_TRANSITION'))) message.error(errorText(e, t));
      else message.warning(errorText(e, t));
    } finally {
      setBusy(false);
      onDone();
    }
  };

  return (
    <Card size="small" title={t('outcome.title')} data-testid="post-check-outcome">
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ type: d.outcomes[0] }}>
        <Form.Item name="type" label={t('outcome.title')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={d.outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} data-testid="post-check-outcome-type" />
        </Form.Item>
        {type === 'FIND_FALSE' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('outcome.falseHelp')} />}
        <Form.Item name="reason" label={t('outcome.reason')} rules={[{ required: true, whitespace: true, message: t('outcome.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="post-check-reason" />
        </Form.Item>
        {type === 'FIND_FALSE' && (
          <Form.Item name="decisionNo" label={t('outcome.decisionNo')} rules={[{ required: true, whitespace: true, message: t('outcome.decisionNoRequired') }]}>
            <Input maxLength={120} data-testid="post-check-decision-no" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="post-check-submit">
          {t('outcome.submit')}
        </Button>
      </Form>
    </Card>
  );
}
