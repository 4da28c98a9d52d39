import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { getEntrustment, requestProxy, type EntrustmentView } from '../../api/proxyOrders';
import { errorText } from '../../components/ErrorState';

interface Values {
  projectCode?: string;
  scope: 'full' | 'stage';
  stage?: number;
  request: string;
  ownerPhone: string;
  signName?: string;
  consent?: boolean;
}

/** The owner asks for free proxy service: the entrustment is generated from the request, shown, signed with the typed name and consent. */
export function NewProxyScreen() {
  const { t } = useTranslation('proxy');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [shown, setShown] = useState<EntrustmentView | null>(null);
  const [busy, setBusy] = useState(false);
  const scope = Form.useWatch('scope', form);
  const subject = (v: Values) => ({ projectCode: v.projectCode?.trim() || undefined, scope: v.scope, stage: v.scope === 'stage' ? v.stage : undefined, request: v.request.trim() });
  const preview = async () => {
    try {
      const v = await form.validateFields(['projectCode', 'scope', 'stage', 'request', 'ownerPhone']);
      setShown(await getEntrustment(subject(v as Values)));
    } catch (e) {
      if (e instanceof Error) message.error(errorText(e, t));
    }
  };
  const sign = async () => {
    const v = await form.validateFields();
    if (!shown) return;
    setBusy(true);
    try {
      const made = await requestProxy({ ...subject(v), ownerPhone: v.ownerPhone.trim(), signature: { name: v.signName!.trim(), consent: true, textSha256: shown.textSha256 } });
      message.success(t('request.done'));
      navigate(`/proxy/orders/${made.order.orderNo}`);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }} data-testid="proxy-new">
      <Typography.Title level={1} className="page-title">{t('request.title')}</Typography.Title>
      <Form form={form} layout="vertical" initialValues={{ projectCode: params.get('project') ?? '', scope: 'full', stage: 1, request: '' }} onValuesChange={(changed: Partial<Values>) => {
          // A changed request is a different entrustment: it must be read again; the signature fields are not.
          if (Object.keys(changed).some((k) => k !== 'signName' && k !== 'consent')) setShown(null);
        }}>
        <Form.Item name="projectCode" label={t('request.project')} rules={[{ pattern: /^(\d{4}-\d{6}-\d{2}-\d{2}-\d{6})?$/ }]}>
          <Input placeholder="2026-330302-70-01-000001" data-testid="proxy-new-project" />
        </Form.Item>
        <Form.Item name="scope" label={t('request.scope')}>
          <Radio.Group options={[{ value: 'full', label: t('scope.full') }, { value: 'stage', label: t('scope.oneStage') }]} />
        </Form.Item>
        {scope === 'stage' && (
          <Form.Item name="stage" label={t('request.stage')}>
            <Select options={[1, 2, 3, 4].map((s) => ({ value: s, label: `${s}. ${t(`stage.${s}`)}` }))} />
          </Form.Item>
        )}
        <Form.Item name="request" label={t('request.text')} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="proxy-new-request" />
        </Form.Item>
        <Form.Item name="ownerPhone" label={t('request.phone')} rules={[{ required: true, pattern: /^[0-9+\-\s]{7,20}$/ }]}>
          <Input inputMode="tel" data-testid="proxy-new-phone" />
        </Form.Item>
        <Button onClick={() => void preview()} data-testid="proxy-new-preview">{t('request.preview')}</Button>
        {shown && (
          <Card size="small" title={t('request.entrustment')} style={{ marginTop: 16 }} data-testid="proxy-entrustment">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{shown.text}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>SHA-256 {shown.textSha256}</Typography.Text>
            <Form.Item name="signName" label={t('request.signName')} rules={[{ required: true, whitespace: true, min: 2 }]} style={{ marginTop: 12 }}>
              <Input data-testid="proxy-new-sign" />
            </Form.Item>
            <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('request.consent')))) }]}>
              <Checkbox data-testid="proxy-new-consent">{t('request.consent')}</Checkbox>
            </Form.Item>
            <Button type="primary" loading={busy} onClick={() => void sign()} data-testid="proxy-new-sign-submit">{t('request.sign')}</Button>
          </Card>
        )}
      </Form>
      {!shown && <Alert type="info" showIcon title={t('home.intro')} />}
    </Space>
  );
}
