import { Form, Input, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import type { RightsNotice } from '../../api/types';

/**
 * The rights notice of a refusal or denial, filled in with the one the server
 * generates for this case from the jurisdiction tree (review body, court, 60
 * days, 6 months), unless the desk has already typed its own. The machine
 * still requires the field: the desk can read and change what it sends.
 */
export function RightsNoticeField({ caseNo, form }: { caseNo: string; form: FormInstance }) {
  const { t } = useTranslation(['desk', 'common']);
  const [notice, setNotice] = useState<RightsNotice | null>(null);
  useEffect(() => {
    let live = true;
    api<RightsNotice>('GET', `/api/cases/${encodeURIComponent(caseNo)}/rights-notice`)
      .then((n) => {
        if (!live) return;
        setNotice(n);
        if (!form.isFieldTouched('rightsNotice')) form.setFieldValue('rightsNotice', n.text);
      })
      // Without it the desk writes its own (the general wording stays in the field).
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseNo, form]);
  const label = t('case.rightsNotice');
  return (
    <Form.Item
      name="rightsNotice"
      label={label}
      initialValue={t('case.rightsDefault')}
      rules={[{ required: true, whitespace: true, message: label }]}
      extra={notice ? <span data-testid="rights-generated">{t('case.rightsGenerated', { review: notice.reviewBody.name, court: notice.court.name })}</span> : null}
    >
      <Input.TextArea rows={3} maxLength={1000} aria-label={label} data-generated={notice ? 'true' : 'false'} />
    </Form.Item>
  );
}
