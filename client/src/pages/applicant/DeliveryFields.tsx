import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES } from '../../../../workflows/caseEvents';


/** How the result should reach the applicant; post needs an address. Fields `mode` and `address` of the enclosing form. */
export function DeliveryFields() {
  const { t } = useTranslation(['applicant', 'common']);
  const mode = Form.useWatch('mode');
  return (
    <>
      <Form.Item name="mode" label={t('file.delivery')}>
        <Radio.Group>
          {DELIVERY_MODES.map((m) => (
            <Radio key={m} value={m}>
              {t(`common:delivery.${m}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {mode === 'post' && (
        <Form.Item name="address" label={t('file.address')} rules={[{ required: true, whitespace: true, message: t('file.addressRequired') }]}>
          <Input.TextArea rows={2} maxLength={200} autoComplete="street-address" />
        </Form.Item>
      )}
    </>
  );
}
