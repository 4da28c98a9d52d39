import { App, Button, Card, Input, InputNumber, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actOnOrder, repostOrder, signUp, uploadOrderFile, type OrderActionInput, type OrderPage } from '../../api/marketOrders';
import { errorText } from '../../components/ErrorState';
import { useUser } from '../../session';

const NEEDS_REASON = new Set(['REJECT', 'DECLINE', 'REJECT_CONTRACT', 'RETURN_RESULT', 'TERMINATE']);
const BY_BUTTON = ['APPROVE', 'REJECT', 'RESUBMIT', 'CANCEL', 'CONFIRM', 'DECLINE', 'CONFIRM_CONTRACT', 'REJECT_CONTRACT', 'ACCEPT_RESULT', 'RETURN_RESULT', 'TERMINATE'];

/** What the caller may do on the order now: the server's list of actions, a sign-up for an agency, the uploads of the chosen one. */
export function OrderActions({ d, onDone }: { d: OrderPage; onDone: () => void }) {
  const { t } = useTranslation('marketOrders');
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [quote, setQuote] = useState<number | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [selection, setSelection] = useState('');
  const o = d.order;

  async function run(fn: () => Promise<unknown>, ok = t('order.done')) {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      setReason('');
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }
  const act = (type: string) => {
    if (NEEDS_REASON.has(type) && !reason.trim()) return message.warning(t('order.reasonRequired'));
    const edits = type === 'RESUBMIT' && (deadline || selection) ? { ...(deadline ? { signupDeadline: new Date(deadline).toISOString() } : {}), ...(selection ? { selectionAt: new Date(selection).toISOString() } : {}) } : undefined;
    return run(() => actOnOrder(o.id, { type, reason: reason.trim() || undefined, expectedVersion: o.revision, ...(edits ? { edits } : {}) } as OrderActionInput));
  };
  const buttons = d.actions.filter((a) => BY_BUTTON.includes(a));
  const signable = user?.role === 'intermediary' && o.state === 'signup' && !o.signups;
  const repostable = o.state === 'expired' && (user?.role === 'applicant' || user?.role === 'reviewer') && o.signups !== undefined;
  if (!buttons.length && !signable && !repostable && !d.actions.includes('UPLOAD_CONTRACT') && !d.actions.includes('DELIVER_RESULT')) return null;
  const file = (which: 'contract' | 'result') => (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png,.ofd"
      showUploadList={false}
      beforeUpload={(f) => {
        if (which === 'contract' && !amount) {
          void message.warning(t('field.contractAmount'));
          return false;
        }
        void run(() => uploadOrderFile(o.id, which, f, which === 'contract' ? amount! : undefined));
        return false;
      }}
    >
      <Button loading={busy} data-testid={`order-upload-${which}`}>{t(which === 'contract' ? 'action.UPLOAD_CONTRACT' : 'action.DELIVER_RESULT')}</Button>
    </Upload>
  );
  return (
    <Card size="small" data-testid="order-actions">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {buttons.some((a) => NEEDS_REASON.has(a)) && <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('field.reason')} data-testid="order-reason" />}
        {buttons.includes('RESUBMIT') && (
          <Space wrap>
            <label>
              {t('field.signupDeadline')} <Input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} style={{ width: 220 }} data-testid="order-edit-deadline" />
            </label>
            <label>
              {t('field.selectionAt')} <Input type="datetime-local" value={selection} onChange={(e) => setSelection(e.target.value)} style={{ width: 220 }} data-testid="order-edit-selection" />
            </label>
          </Space>
        )}
        <Space wrap>
          {buttons.map((a) => (
            <Button key={a} loading={busy} type={['APPROVE', 'CONFIRM', 'CONFIRM_CONTRACT', 'ACCEPT_RESULT'].includes(a) ? 'primary' : 'default'} danger={['DECLINE', 'TERMINATE', 'CANCEL'].includes(a)} onClick={() => void act(a)} data-testid={`order-action-${a}`}>
              {t(`action.${a}`)}
            </Button>
          ))}
          {signable && (
            <>
              {o.method === 'bidding' && <InputNumber min={o.budgetMin} max={o.budgetMax} value={quote} onChange={(v) => setQuote(v)} placeholder={t('field.quote')} data-testid="order-quote" />}
              <Button type="primary" loading={busy} onClick={() => void run(() => signUp(o.id, quote ?? undefined), t('order.signedUp'))} data-testid="order-sign-up">
                {t('action.SIGN_UP')}
              </Button>
            </>
          )}
          {d.actions.includes('UPLOAD_CONTRACT') && (
            <>
              <InputNumber min={1} max={o.budgetMax} value={amount} onChange={(v) => setAmount(v)} placeholder={t('field.contractAmount')} data-testid="order-contract-amount" />
              {file('contract')}
            </>
          )}
          {d.actions.includes('DELIVER_RESULT') && file('result')}
          {repostable && (
            <Button
              loading={busy}
              onClick={() =>
                void run(async () => {
                  const day = 86_400_000;
                  const { order } = await repostOrder(o.id, { signupDeadline: new Date(Date.now() + 3 * day).toISOString(), selectionAt: new Date(Date.now() + 3 * day + 3_600_000).toISOString() });
                  navigate(`/market/orders/${order.id}`);
                })
              }
            >
              {t('action.REPOST')}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

