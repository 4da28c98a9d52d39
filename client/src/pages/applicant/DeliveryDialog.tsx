import { Form, Modal } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryMode } from '../../api/types';
import { DeliveryFields } from './DeliveryFields';

export interface DeliveryChoice {
  mode: DeliveryMode;
  address?: string;
}

interface Props {
  /** What the case said when the applicant opened the dialog; null while it is closed. */
  initial: DeliveryChoice | null;
  busy: boolean;
  onSubmit: (v: DeliveryChoice) => void;
  onCancel: () => void;
}

/**
 * The change-delivery dialog. Its form starts from the values taken when it
 * opened and is then the applicant's alone: a live update of the case behind
 * it neither re-renders nor resets it (memo, and props that do not carry the
 * case), so a choice half made on a phone survives a push. If the case has
 * moved on meanwhile, the server says so when the choice is sent.
 */
export const DeliveryDialog = memo(function DeliveryDialog({ initial, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['applicant', 'common']);
  const [form] = Form.useForm<DeliveryChoice>();
  return (
    <Modal title={t('track.chooseDelivery')} open={initial !== null} confirmLoading={busy} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      {initial && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={onSubmit} data-testid="delivery-form">
          <DeliveryFields />
        </Form>
      )}
    </Modal>
  );
});
