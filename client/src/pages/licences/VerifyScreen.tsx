import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { verifyCode } from '../../api/licences';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { CodeVerdict } from './CodeVerdict';
import { VerifyFilePanel } from './VerifyFilePanel';

/** What was typed or pasted: an identifier, or a whole verification link (its `code`). */
export function codeFrom(text: string): string {
  const s = text.trim();
  const q = s.indexOf('?');
  if (q >= 0 && /[?&]code=/.test(s)) return (new URLSearchParams(s.slice(q + 1)).get('code') ?? '').trim();
  return s;
}

/**
 * 电子证照核验, public and phone-first: what a licence's QR code opens
 * (/verify?code=…). The verdict comes first and big; below, a code can be typed
 * or pasted, and a downloaded PDF checked byte for byte.
 */
export function VerifyScreen() {
  const { t } = useTranslation('licences');
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const verdict = useAsync(async () => (code ? verifyCode(code) : undefined), [code]);
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => form.setFieldsValue({ code }), [form, code]);

  const check = ({ code: typed }: { code: string }) => {
    const next = codeFrom(typed);
    form.setFieldsValue({ code: next });
    if (next === code) void verdict.reload();
    else setParams({ code: next });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }} data-testid="verify-page">
      <Typography.Title level={1} className="page-title">
        <SafetyCertificateOutlined aria-hidden /> {t('verify.title')}
      </Typography.Title>
      {code &&
        (verdict.error ? (
          <ErrorState error={verdict.error} onRetry={verdict.reload} />
        ) : verdict.data && !verdict.loading ? (
          <Card size="small">
            <CodeVerdict v={verdict.data} />
          </Card>
        ) : (
          <Card loading />
        ))}
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={check} requiredMark={false} data-testid="verify-form">
          <Form.Item name="code" label={t('verify.code')} extra={t('verify.codeHelp')} rules={[{ required: true, whitespace: true, message: t('verify.codeRequired') }]}>
            <Input maxLength={600} autoComplete="off" autoCapitalize="characters" spellCheck={false} allowClear data-testid="verify-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} data-testid="verify-submit">
            {t('verify.submit')}
          </Button>
        </Form>
      </Card>
      <VerifyFilePanel />
    </Space>
  );
}
