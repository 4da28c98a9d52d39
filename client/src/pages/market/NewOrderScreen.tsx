import { App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { postOrder, type OrderPostInput } from '../../api/marketOrders';
import { errorText } from '../../components/ErrorState';
import { useUser } from '../../session';

interface Values {
  serviceItemCode: string;
  title: string;
  content: string;
  budgetMin: number;
  budgetMax: number;
  method: 'direct' | 'random' | 'bidding';
  requiredLevel?: string;
  signupDeadline: string;
  selectionAt: string;
  serviceDays: number;
  avoided?: string;
  caseNo?: string;
  ownerKind?: 'person' | 'legal_person';
  ownerName?: string;
}

/** A datetime-local value (the browser's local time) as an ISO instant. */
const instant = (local: string) => new Date(local).toISOString();

/** The owner's posting form: an applicant (person or legal person) or a department reviewer (government-paid items). */
export function NewOrderScreen() {
  const { t } = useTranslation('marketOrders');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const ownerKind = Form.useWatch('ownerKind', form);

  async function submit(v: Values) {
    setBusy(true);
    try {
      const body: OrderPostInput = {
        serviceItemCode: v.serviceItemCode.trim(),
        title: v.title,
        content: v.content,
        budgetMin: v.budgetMin,
        budgetMax: v.budgetMax,
        method: v.method,
        signupDeadline: instant(v.signupDeadline),
        selectionAt: instant(v.selectionAt),
        serviceDays: v.serviceDays,
        avoidedAgencies: (v.avoided ?? '').split(/[,，\s]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0),
        ...(v.requiredLevel ? { requiredLevel: v.requiredLevel } : {}),
        ...(v.caseNo ? { caseNo: v.caseNo.trim() } : {}),
        ...(user?.role === 'applicant' && v.ownerKind ? { ownerKind: v.ownerKind } : {}),
        ...(v.ownerKind === 'legal_person' && v.ownerName ? { ownerName: v.ownerName } : {}),
      };
      const r = await postOrder(body);
      message.success(t('post.posted'));
      navigate(`/market/orders/${r.order.id}`);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }

  const req = [{ required: true, message: t('order.reasonRequired') }];
  return (
    <Card style={{ maxWidth: 760 }} data-testid="new-order-page">
      <Typography.Title level={1} className="page-title">{t('post.title')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ method: 'random', serviceDays: 10, ownerKind: 'person' }}>
        <Form.Item name="serviceItemCode" label={t('field.serviceItem')} rules={req}>
          <Input data-testid="order-service-item" />
        </Form.Item>
        <Form.Item name="title" label={t('field.title')} rules={req}>
          <Input data-testid="order-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t('field.content')} rules={req}>
          <Input.TextArea data-testid="order-content" rows={3} maxLength={2000} />
        </Form.Item>
        {user?.role === 'applicant' && (
          <Form.Item name="ownerKind" label={t('field.ownerKind')}>
            <Select options={(['person', 'legal_person'] as const).map((k) => ({ value: k, label: t(`ownerKind.${k}`) }))} />
          </Form.Item>
        )}
        {ownerKind === 'legal_person' && (
          <Form.Item name="ownerName" label={t('field.ownerName')} rules={req}>
            <Input />
          </Form.Item>
        )}
        <Form.Item label={t('field.budget')} required>
          <Form.Item name="budgetMin" rules={req} noStyle>
            <InputNumber min={0} aria-label={t('field.budgetMin')} data-testid="order-budget-min" />
          </Form.Item>
          {' – '}
          <Form.Item name="budgetMax" rules={req} noStyle>
            <InputNumber min={0} aria-label={t('field.budgetMax')} data-testid="order-budget-max" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="method" label={t('field.method')}>
          <Select data-testid="order-method" options={(['direct', 'random', 'bidding'] as const).map((m) => ({ value: m, label: t(`method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="requiredLevel" label={t('field.level')}>
          <Select allowClear options={['甲级', '乙级', '丙级'].map((l) => ({ value: l, label: l }))} />
        </Form.Item>
        <Form.Item name="signupDeadline" label={t('field.signupDeadline')} rules={req}>
          <Input type="datetime-local" data-testid="order-signup-deadline" />
        </Form.Item>
        <Form.Item name="selectionAt" label={t('field.selectionAt')} rules={req}>
          <Input type="datetime-local" data-testid="order-selection-at" />
        </Form.Item>
        <Form.Item name="serviceDays" label={t('field.serviceDays')} rules={req}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item name="avoided" label={t('field.avoided')}>
          <Input />
        </Form.Item>
        <Form.Item name="caseNo" label={t('field.caseNo')}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="order-submit">
          {t('post.submit')}
        </Button>
      </Form>
    </Card>
  );
}
