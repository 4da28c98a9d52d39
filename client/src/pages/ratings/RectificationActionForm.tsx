import { App, Button, Checkbox, Flex, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actOnRectification, type RectificationStaffAction } from '../../api/ratings';
import { errorText } from '../../components/ErrorState';

/** The one act the caller picks among those the server offers now, with the explanation everyone reads; sent with the revision shown. */
export function RectificationActionForm({ id, revision, actions, onDone }: { id: number; revision: number; actions: RectificationStaffAction[]; onDone: () => void }) {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const [type, setType] = useState<RectificationStaffAction>(actions[0]!);
  const [reason, setReason] = useState('');
  const [reached, setReached] = useState(true);
  const [busy, setBusy] = useState(false);
  const chosen = actions.includes(type) ? type : actions[0]!;

  const submit = async () => {
    setBusy(true);
    try {
      const body = chosen === 'CALL_BACK' ? { type: chosen, reason, reached, expectedRevision: revision } : { type: chosen, reason, expectedRevision: revision };
      await actOnRectification(id, body);
      message.success(t('workbench.done'));
      setReason('');
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="small" data-testid="rectification-form">
      {actions.length > 1 && <Segmented value={chosen} onChange={(v) => setType(v as RectificationStaffAction)} options={actions.map((a) => ({ value: a, label: t(`workbench.action.${a}`) }))} />}
      <Typography.Text>{t('workbench.reason')}</Typography.Text>
      <Input.TextArea aria-label={t('workbench.reason')} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3 }} />
      <Typography.Text type="secondary">{t('workbench.reasonHelp')}</Typography.Text>
      {chosen === 'CALL_BACK' && (
        <Checkbox checked={reached} onChange={(e) => setReached(e.target.checked)}>
          {t('workbench.reached')}
        </Checkbox>
      )}
      <Button type="primary" disabled={!reason.trim()} loading={busy} onClick={() => void submit()} data-testid="rectification-submit">
        {t(`workbench.action.${chosen}`)}
      </Button>
    </Flex>
  );
}
