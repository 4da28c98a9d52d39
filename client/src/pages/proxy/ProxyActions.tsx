import { App, Button, Form, Input, InputNumber, Modal, Rate, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actOnProxy, type ProxyOrderView } from '../../api/proxyOrders';
import { errorText } from '../../components/ErrorState';

/** What each action asks for besides the click. */
const FIELDS: Record<string, ('reason' | 'results' | 'days' | 'rating' | 'comment')[]> = {
  decline: ['reason'],
  report: ['reason'],
  complete: ['reason', 'results'],
  stop: ['reason'],
  renew: ['reason', 'days'],
  rate: ['rating', 'comment'],
};

/** The buttons of the actions the viewer may take on the order; those that need words open a small form. */
export function ProxyActions({ order, onDone }: { order: ProxyOrderView; onDone: () => void }) {
  const { t } = useTranslation('proxy');
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const run = async (action: string, body: Record<string, unknown> = {}) => {
    setBusy(true);
    try {
      await actOnProxy(order.orderNo, action, { ...body, expectedVersion: order.revision });
      setOpen(null);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const shown = order.actions;
  if (!shown.length) return null;
  return (
    <>
      <Space wrap data-testid="proxy-actions">
        {shown.map((a) => (
          <Button key={a} type={['accept', 'claim', 'complete', 'dispatch'].includes(a) ? 'primary' : 'default'} danger={a === 'decline' || a === 'stop' || a === 'cancel'} loading={busy && open === null} onClick={() => (FIELDS[a] ? setOpen(a) : void run(a))} data-testid={`proxy-action-${a}`} style={{ minHeight: 44 }}>
            {t(`action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal open={open !== null} title={open ? t(`action.${open}`) : ''} onCancel={() => setOpen(null)} okText={t('form.submit')} confirmLoading={busy} onOk={() => form.validateFields().then((v) => run(open!, v))} okButtonProps={{ 'data-testid': 'proxy-action-submit' } as Record<string, string>} destroyOnHidden>
        <Form form={form} layout="vertical">
          {open && FIELDS[open]!.includes('reason') && (
            <Form.Item name="reason" label={t('form.reason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="proxy-form-reason" />
            </Form.Item>
          )}
          {open && FIELDS[open]!.includes('results') && (
            <Form.Item name="results" label={t('form.results')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={1000} data-testid="proxy-form-results" />
            </Form.Item>
          )}
          {open && FIELDS[open]!.includes('days') && (
            <Form.Item name="days" label={t('form.days')} initialValue={30} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          )}
          {open && FIELDS[open]!.includes('rating') && (
            <Form.Item name="rating" label={t('form.rating')} initialValue={5} rules={[{ required: true }]}>
              <Rate data-testid="proxy-form-rating" />
            </Form.Item>
          )}
          {open && FIELDS[open]!.includes('comment') && (
            <Form.Item name="comment" label={t('form.comment')}>
              <Input maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
