import { App, Button, Card, Checkbox, Input, Popconfirm, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { isConflict, sendAction, type ActionBody } from '../../live/sendAction';
import { ApiError } from '../../api/http';
import { materialOfNotice } from '../files/materialsNotice';
import { DeliveryDialog, type DeliveryChoice } from './DeliveryDialog';

interface Props {
  c: CaseView;
  queryCode: string | null;
  /** Lines of the 补正 notice with a file added since: ticked for the applicant (they may untick). */
  ready?: string[];
  onChanged: () => void;
}

/** What the applicant may do now (the server says which): supply materials, withdraw, choose delivery, confirm receipt. */
export function ApplicantActions({ c, queryCode, ready = [], onChanged }: Props) {
  const { t } = useTranslation(['applicant', 'common']);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // The delivery dialog's starting values, taken when it opens; null while it is closed.
  const [delivery, setDelivery] = useState<DeliveryChoice | null>(null);
  const [supplied, setSupplied] = useState<string[]>([]);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [urgeNote, setUrgeNote] = useState('');
  const can = (a: string) => c.actions.includes(a as never);
  const readyKey = ready.join('\n');
  useEffect(() => {
    if (readyKey) setSupplied((s) => [...new Set([...s, ...readyKey.split('\n')])]);
  }, [readyKey]);

  const act = async (body: ActionBody) => {
    setBusy(true);
    try {
      await sendAction(c, body, queryCode);
      message.success(t('track.actionDone'));
      return true;
    } catch (e) {
      if (isConflict(e)) message.warning(t('track.conflict'));
      // 催办 once per working day: say from when it may be sent again.
      else if (e instanceof ApiError && e.code === 'ALREADY_URGED_TODAY') message.warning(t('urge.again', { date: (e.details as { nextAllowedOn?: string })?.nextAllowedOn ?? '' }));
      else message.error(errorText(e, t));
      return false;
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  // The dialog's callbacks keep their identity across live updates, so the memoised dialog is left alone.
  const latestAct = useRef(act);
  latestAct.current = act;
  const closeDelivery = useCallback(() => setDelivery(null), []);
  const chooseDelivery = useCallback((v: DeliveryChoice) => {
    void latestAct.current({ type: 'CHOOSE_DELIVERY', mode: v.mode, ...(v.mode === 'post' ? { address: v.address } : {}) }).then((ok) => ok && setDelivery(null));
  }, []);

  const any = ['SUPPLY_MATERIALS', 'WITHDRAW', 'COMPLETE', 'CHOOSE_DELIVERY', 'APPLICANT_URGE'].some(can);
  // The dialog keeps its place in the tree whatever the case does meanwhile (a move would remount it, empty):
  // an open dialog even outlives a live update that takes the actions away; the server answers the choice.
  return (
    <>
      {any && (
        <Card size="small" data-testid="applicant-actions">
          {can('SUPPLY_MATERIALS') && c.missingMaterials.length > 0 && (
            <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
              <strong>{t('track.missing')}</strong>
              <Checkbox.Group value={supplied} onChange={(v) => setSupplied(v as string[])} options={c.missingMaterials.map((m) => ({ label: m, value: m }))} />
              <Button type="primary" disabled={supplied.length === 0} loading={busy} onClick={() => void act({ type: 'SUPPLY_MATERIALS', materials: [...new Set(supplied.map(materialOfNotice))] })}>
                {t('track.supply')}
              </Button>
            </Space>
          )}
          <Space wrap>
            {can('COMPLETE') && (
              <Button type="primary" loading={busy} onClick={() => void act({ type: 'COMPLETE' })}>
                {t('track.complete')}
              </Button>
            )}
            {can('APPLICANT_URGE') && (
              <Popconfirm
                title={t('urge.confirm')}
                description={<Input aria-label={t('urge.reason')} placeholder={t('urge.reason')} value={urgeNote} onChange={(e) => setUrgeNote(e.target.value)} />}
                onConfirm={() => act({ type: 'APPLICANT_URGE', ...(urgeNote.trim() ? { reason: urgeNote.trim() } : {}) }).then((ok) => ok && message.info(t('urge.done')))}
              >
                <Button type="primary" danger loading={busy} data-testid="applicant-urge">
                  {t('urge.button')}
                </Button>
              </Popconfirm>
            )}
            {can('CHOOSE_DELIVERY') && (
              <Button onClick={() => setDelivery({ mode: c.delivery.mode, address: c.delivery.address ?? undefined })}>
                {t('track.chooseDelivery')}
              </Button>
            )}
            {can('WITHDRAW') && (
              <Popconfirm
                title={t('track.withdrawConfirm')}
                description={<Input aria-label={t('track.withdrawReason')} placeholder={t('track.withdrawReason')} value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} />}
                okButtonProps={{ danger: true }}
                onConfirm={() => act({ type: 'WITHDRAW', ...(withdrawReason.trim() ? { reason: withdrawReason.trim() } : {}) })}
              >
                <Button danger loading={busy}>
                  {t('track.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Card>
      )}
      <DeliveryDialog initial={delivery} busy={busy} onSubmit={chooseDelivery} onCancel={closeDelivery} />
    </>
  );
}
