import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateTransferOrg, listTransferFunctions, listTransferUnits, recordTransferAgreement } from '../../api/transfers';
import { useAsync } from '../../components/useAsync';
import { transferErrorText } from './transferErrorText';

type Outcome = { ok: boolean; text: string } | null;

interface AgreementValues {
  agreementNo: string;
  unitCode: string;
  functionCode: string;
  organisationId: number;
  signedOn: string;
  termFrom: string;
  termTo: string;
  amountYuan: number;
  deliverables: string;
}

/** The administrator records a signed agreement; the server checks the parties and the organisation's place in the directory. */
function AgreementForm() {
  const { t } = useTranslation('transfers');
  const [form] = Form.useForm<AgreementValues>();
  const unit = Form.useWatch('unitCode', form);
  const units = useAsync(() => listTransferUnits(), []);
  const fns = useAsync(() => (unit ? listTransferFunctions({ unit, pageSize: 100 }) : Promise.resolve(undefined)), [unit]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: AgreementValues) => {
    setBusy(true);
    try {
      const deliverables = v.deliverables.split('\n').map((s) => s.trim()).filter(Boolean);
      const { agreement } = await recordTransferAgreement({ ...v, deliverables });
      setOutcome({ ok: true, text: t('admin.recorded', { no: agreement.agreementNo }) });
    } catch (e) {
      setOutcome({ ok: false, text: transferErrorText(e, t) });
    } finally {
      setBusy(false);
    }
  };
  const date = (name: keyof AgreementValues, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Input type="date" data-testid={`agreement-${name}`} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('admin.agreementTitle')} data-testid="transfer-agreement-form">
      <Form form={form} name="transferAgreement" layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item name="agreementNo" label={t('field.agreementNo')} rules={[{ required: true }]}>
          <Input maxLength={32} data-testid="agreement-no" />
        </Form.Item>
        <Form.Item name="unitCode" label={t('field.unit')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))} data-testid="agreement-unit" />
        </Form.Item>
        <Form.Item name="functionCode" label={t('admin.functionCode')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(fns.data?.functions ?? []).map((f) => ({ value: f.code, label: `${f.code} ${f.name}` }))} data-testid="agreement-function" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('admin.organisationId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} data-testid="agreement-org" />
        </Form.Item>
        {date('signedOn', t('field.signedOn'))}
        <Space wrap>
          {date('termFrom', t('field.termFrom'))}
          {date('termTo', t('field.termTo'))}
        </Space>
        <Form.Item name="amountYuan" label={t('field.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} step={1000} style={{ width: '100%' }} data-testid="agreement-amount" />
        </Form.Item>
        <Form.Item name="deliverables" label={t('admin.deliverables')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="agreement-deliverables" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="agreement-submit">{t('admin.submit')}</Button>
      </Form>
      {outcome && <Alert style={{ marginTop: 12 }} type={outcome.ok ? 'success' : 'error'} title={outcome.text} data-testid="agreement-outcome" />}
    </Card>
  );
}

/** The administrator records a year's evaluation; the grade and its consequence come back from the server. */
function EvaluationForm() {
  const { t } = useTranslation('transfers');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { organisationId: number; year: number; score: number; notes?: string }) => {
    setBusy(true);
    try {
      const { evaluation } = await evaluateTransferOrg(v.organisationId, { year: v.year, score: v.score, notes: v.notes ?? '' });
      setOutcome({ ok: true, text: t('admin.evaluated', { grade: t(`grade.${evaluation.grade}`), consequence: t(`consequence.${evaluation.consequence}`) }) });
    } catch (e) {
      setOutcome({ ok: false, text: transferErrorText(e, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('admin.evaluationTitle')} data-testid="transfer-evaluation-form">
      <Typography.Paragraph type="secondary">{t('evaluation.rule')}</Typography.Paragraph>
      <Form name="transferEvaluation" layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item name="organisationId" label={t('admin.organisationId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} data-testid="evaluation-org" />
        </Form.Item>
        <Form.Item name="year" label={t('admin.year')} rules={[{ required: true }]}>
          <InputNumber min={2013} max={2100} style={{ width: '100%' }} data-testid="evaluation-year" />
        </Form.Item>
        <Form.Item name="score" label={t('admin.score')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} data-testid="evaluation-score" />
        </Form.Item>
        <Form.Item name="notes" label={t('admin.notes')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="evaluation-notes" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="evaluation-submit">{t('admin.submit')}</Button>
      </Form>
      {outcome && <Alert style={{ marginTop: 12 }} type={outcome.ok ? 'success' : 'error'} title={outcome.text} data-testid="evaluation-outcome" />}
    </Card>
  );
}

/** The administrator's tab of the function-transfer list (the public reads it at /transfers). */
export function TransfersAdminTab() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AgreementForm />
      <EvaluationForm />
    </Space>
  );
}
