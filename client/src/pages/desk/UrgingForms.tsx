import { Button, DatePicker, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionType, CaseView } from '../../api/types';
import type { ActionBody } from '../../live/sendAction';

/** The actions with their own forms (returns, amendments, urging); the rest use ActionForm. */
export const OWN_FORMS: readonly ActionType[] = ['AMEND', 'URGE', 'URGE_REPLY'];

interface Props {
  type: ActionType;
  c: CaseView;
  busy: boolean;
  onSubmit: (body: ActionBody) => void;
  onCancel: () => void;
}

type Values = { reason?: string; reply?: string; phone?: string; address?: string; addMaterials?: string; replyBy?: { format: (f: string) => string } };
const trim = (s?: string) => (s ?? '').trim();

function toBody(type: ActionType, v: Values): ActionBody {
  if (type === 'URGE') return { type, reason: trim(v.reason), replyBy: v.replyBy?.format('YYYY-MM-DD') ?? '' };
  if (type === 'URGE_REPLY') return { type, reply: trim(v.reply) };
  const changes = { ...(trim(v.phone) ? { phone: trim(v.phone) } : {}), ...(trim(v.address) ? { address: trim(v.address) } : {}) };
  const addMaterials = trim(v.addMaterials).split('\n').map((m) => m.trim()).filter(Boolean);
  return { type: 'AMEND', reason: trim(v.reason), ...(Object.keys(changes).length ? { changes } : {}), ...(addMaterials.length ? { addMaterials } : {}) };
}

/**
 * 补正更正 (the desk corrects the phone or postal address, or adds material,
 * always with a reason), 督办 (a supervisor: reason and reply-by date) and
 * the desk's reply. Ctrl+Enter submits, Esc cancels, as in ActionForm.
 */
export function UrgingForm({ type, c, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['desk', 'common']);
  const [form] = Form.useForm<Values>();
  const req = (label: string) => [{ required: true, whitespace: true, message: label }];
  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(toBody(type, v))} data-testid={`action-form-${type}`}>
        {type === 'AMEND' && (
          <>
            <Form.Item name="phone" label={t('amend.phone')} extra={t('amend.now', { value: c.applicant.phone })}>
              <Input maxLength={20} aria-label={t('amend.phone')} />
            </Form.Item>
            <Form.Item name="address" label={t('amend.address')}>
              <Input maxLength={200} aria-label={t('amend.address')} />
            </Form.Item>
            <Form.Item name="addMaterials" label={t('amend.addMaterials')}>
              <Input.TextArea rows={2} aria-label={t('amend.addMaterials')} />
            </Form.Item>
            <Form.Item name="reason" label={t('amend.reason')} rules={req(t('amend.reason'))}>
              <Input.TextArea rows={2} maxLength={2000} aria-label={t('amend.reason')} />
            </Form.Item>
          </>
        )}
        {type === 'URGE' && (
          <>
            <Form.Item name="reason" label={t('urging.reason')} rules={req(t('urging.reason'))}>
              <Input.TextArea rows={2} maxLength={2000} aria-label={t('urging.reason')} />
            </Form.Item>
            <Form.Item name="replyBy" label={t('urging.replyBy')} rules={[{ required: true, message: t('urging.replyBy') }]}>
              <DatePicker aria-label={t('urging.replyBy')} />
            </Form.Item>
          </>
        )}
        {type === 'URGE_REPLY' && (
          <Form.Item name="reply" label={t('urging.reply')} rules={req(t('urging.reply'))}>
            <Input.TextArea rows={3} maxLength={2000} aria-label={t('urging.reply')} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
            {t('case.confirm', { action: t(`common:action.${type}`) })}
          </Button>
          <Button onClick={onCancel}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
