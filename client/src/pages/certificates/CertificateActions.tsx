import { Alert, App, Button, Card, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { actOnCertificate, type CertificateActionType, type CertificateDetail } from '../../api/certificates';
import { errorText } from '../../components/ErrorState';

/**
 * What the caller may do with a request now, as the server says (`actions`):
 * the reviewing clerk issues, forwards to the town, or refuses with reasons;
 * the applicant withdraws. A stale screen reloads and says so.
 */
export function CertificateActions({ d, onDone }: { d: CertificateDetail; onDone: () => void }) {
  const { t } = useTranslation('certificates');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState<CertificateActionType | null>(null);
  const staff = d.actions.some((a) => a !== 'WITHDRAW');
  if (d.actions.length === 0) return null;

  const run = async (type: CertificateActionType) => {
    const reason = (form.getFieldValue('reason') as string | undefined)?.trim();
    if (type === 'REFUSE' && !reason) {
      await form.validateFields().catch(() => undefined);
      form.setFields([{ name: 'reason', errors: [t('form.reasonRequired')] }]);
      return;
    }
    setBusy(type);
    try {
      await actOnCertificate(d.certificate.id, { type, ...(reason ? { reason } : {}), expectedRevision: d.certificate.revision } as never);
      message.success(t('form.done', { action: t(`action.${type}`) }));
      form.resetFields();
      onDone();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : null;
      if (code === 'VERSION_CONFLICT' || code === 'INVALID_TRANSITION') {
        message.warning(t('form.stale'));
        onDone();
      } else message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  const button = (type: CertificateActionType) => (
    <Popconfirm key={type} title={t('form.confirm', { action: t(`action.${type}`) })} onConfirm={() => run(type)} okButtonProps={{ 'data-testid': 'certificate-confirm' } as never}>
      <Button type={type === 'REFUSE' || type === 'WITHDRAW' ? 'default' : 'primary'} danger={type === 'REFUSE'} loading={busy === type} disabled={!!busy && busy !== type} data-testid={`certificate-action-${type}`}>
        {t(`action.${type}`)}
      </Button>
    </Popconfirm>
  );

  return (
    <Card size="small" title={staff ? t('form.title') : undefined} data-testid="certificate-actions">
      {staff ? (
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="reason" label={t('form.reason')} extra={t('form.reasonHelp')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="certificate-reason" />
          </Form.Item>
          <Space wrap>{d.actions.map(button)}</Space>
        </Form>
      ) : (
        <Space wrap>{d.actions.map(button)}</Space>
      )}
      {!staff && d.actions.length === 0 && <Alert type="info" title={t('form.none')} />}
    </Card>
  );
}
