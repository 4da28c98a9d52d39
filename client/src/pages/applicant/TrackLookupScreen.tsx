import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryCodes } from './queryCodes';

export const CASE_NO = /^\d{8}-\d{6,}$/;

/** Case number + query code: all an applicant needs to follow a case, no account. */
export function TrackLookupForm({ caseNo }: { caseNo?: string }) {
  const { t } = useTranslation('applicant');
  const navigate = useNavigate();
  return (
    <Form
      layout="vertical"
      initialValues={{ caseNo }}
      onFinish={(v: { caseNo: string; queryCode: string }) => {
        const no = v.caseNo.trim();
        queryCodes.set(no, v.queryCode.trim());
        navigate(`/track/${no}`, { state: { fresh: Date.now() } });
      }}
    >
      <Form.Item name="caseNo" label={t('lookup.caseNo')} rules={[{ required: true, pattern: CASE_NO, message: t('lookup.caseNoInvalid') }]}>
        <Input placeholder={t('lookup.caseNoPlaceholder')} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item name="queryCode" label={t('lookup.queryCode')} rules={[{ required: true, whitespace: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large">
        {t('lookup.submit')}
      </Button>
    </Form>
  );
}

export function TrackLookupScreen() {
  const { t } = useTranslation('applicant');
  return (
    <Card title={<Typography.Title level={1} className="page-title card-title">{t('lookup.title')}</Typography.Title>} style={{ maxWidth: 480, margin: '0 auto' }}>
      <TrackLookupForm />
    </Card>
  );
}
