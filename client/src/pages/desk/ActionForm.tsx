import { Alert, Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES, SPECIAL_PROCEDURES } from '../../../../workflows/caseEvents';
import type { ActionType, CaseView } from '../../api/types';
import type { ActionBody } from '../../live/sendAction';
import type { MaterialsNotice } from '../files/materialsNotice';
import { RightsNoticeField } from './RightsNoticeField';


interface Props {
  type: ActionType;
  c: CaseView;
  /** Materials of the item's guide, for the checklist of what is missing. */
  itemMaterials: string[];
  /** The materials marked 不合格 (they go into a 补正 notice by themselves) and what to tick to begin with. */
  notice?: MaterialsNotice;
  busy: boolean;
  onSubmit: (body: ActionBody) => void;
  onCancel: () => void;
}

type Values = Record<string, unknown>;

/** Turns the form's fields into the action the API takes (only the fields that action has). */
function toBody(type: ActionType, v: Values): ActionBody {
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : undefined);
  switch (type) {
    case 'REQUEST_MATERIALS': {
      const extra = (s('extra') ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
      return { type, missing: [...((v.missing as string[]) ?? []), ...extra], ...(s('opinion') ? { opinion: s('opinion') } : {}) };
    }
    case 'REFUSE':
    case 'DENY':
      return { type, reasons: s('reasons'), rightsNotice: s('rightsNotice') };
    case 'RETURN':
    case 'EXTEND':
      return { type, reason: s('reason') };
    case 'START_SPECIAL':
      return { type, procedure: v.procedure, reason: s('reason') };
    case 'ISSUE':
      // Left empty, the server makes the number (the e-licence it always makes).
      return { type, ...(s('licenceNo') ? { licenceNo: s('licenceNo') } : {}) };
    case 'DELIVER':
      return {
        type,
        mode: v.mode,
        ...(v.mode === 'post' && s('trackingNo') ? { trackingNo: s('trackingNo') } : {}),
        ...(v.mode === 'post' && s('address') ? { address: s('address') } : {}),
        // The counter's e-signature: the recipient's name, confirmed by their click on the clerk's screen.
        ...(v.mode === 'pickup' && s('signedBy') ? { signedBy: s('signedBy') } : {}),
      } as ActionBody;
    case 'ACCEPT':
    case 'END_SPECIAL':
      return { type, ...(s('opinion') ? { opinion: s('opinion') } : {}) };
    case 'FORWARD':
    case 'APPROVE':
      return { type, opinion: s('opinion') };
    default:
      return { type };
  }
}

/** The form of one action, with exactly the fields it needs; Ctrl+Enter submits, Esc cancels. */
export function ActionForm({ type, c, itemMaterials, notice, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['desk', 'common', 'files']);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('textarea, input:not([type=hidden]), button')?.focus();
  }, [type]);
  const text = (name: string, label: string, required: boolean, rows = 3, initial?: string) => (
    <Form.Item name={name} label={label} initialValue={initial} rules={required ? [{ required: true, whitespace: true, message: `${label}` }] : []}>
      <Input.TextArea rows={rows} maxLength={2000} aria-label={label} />
    </Form.Item>
  );
  const notSubmitted = itemMaterials.filter((m) => !c.materials.includes(m));
  return (
    <div
      ref={first}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(toBody(type, v))} data-testid={`action-form-${type}`}>
        {(type === 'ACCEPT' || type === 'END_SPECIAL') && text('opinion', t('case.opinion'), false, 2)}
        {(type === 'FORWARD' || type === 'APPROVE') && text('opinion', t('case.opinion'), true)}
        {type === 'REQUEST_MATERIALS' && (
          <>
            {notice && notice.bad.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('files:request.fromMarks')}
                description={
                  <>
                    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="notice-from-marks">
                      {notice.bad.map((b) => <li key={b}>{b}</li>)}
                    </ul>
                    {t('files:request.onlyMarks')}
                  </>
                }
              />
            )}
            <Form.Item name="missing" label={t('case.missing')} initialValue={notice?.prefill ?? notSubmitted}>
              <Checkbox.Group options={itemMaterials.map((m) => ({ label: m, value: m }))} />
            </Form.Item>
            {text('extra', t('case.missingExtra'), false, 2)}
            {text('opinion', t('case.opinion'), false, 2)}
          </>
        )}
        {(type === 'REFUSE' || type === 'DENY') && (
          <>
            {text('reasons', t('case.reasons'), true)}
            <RightsNoticeField caseNo={c.caseNo} form={form} />
          </>
        )}
        {(type === 'RETURN' || type === 'EXTEND') && text('reason', t('case.reasons'), true)}
        {type === 'START_SPECIAL' && (
          <>
            <Form.Item name="procedure" label={t('case.procedure')} initialValue="inspection" rules={[{ required: true }]}>
              <Select aria-label={t('case.procedure')} options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: t(`common:special.${p}`) }))} />
            </Form.Item>
            {text('reason', t('case.reasons'), true)}
          </>
        )}
        {type === 'ISSUE' && (
          <Form.Item name="licenceNo" label={t('case.licenceNo')} extra={t('case.licenceNoHelp')}>
            <Input maxLength={64} aria-label={t('case.licenceNo')} data-testid="licence-no" />
          </Form.Item>
        )}
        {type === 'DELIVER' && (
          <>
            <Form.Item name="mode" label={t('case.mode')} initialValue={c.delivery.mode}>
              <Radio.Group options={DELIVERY_MODES.map((m) => ({ value: m, label: t(`common:delivery.${m}`) }))} />
            </Form.Item>
            {mode === 'post' && (
              <>
                <Form.Item name="trackingNo" label={t('case.trackingNo')} extra={t('case.trackingHelp')} rules={[{ required: true, whitespace: true, message: t('case.trackingRequired') }]}>
                  <Input maxLength={64} aria-label={t('case.trackingNo')} autoCapitalize="characters" spellCheck={false} data-testid="delivery-tracking" />
                </Form.Item>
                <Form.Item name="address" label={t('case.address')} initialValue={c.delivery.address ?? undefined}>
                  <Input maxLength={200} aria-label={t('case.address')} />
                </Form.Item>
              </>
            )}
            {mode === 'pickup' && (
              <>
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('case.signTitle')} description={t('case.signHelp')} />
                <Form.Item name="signedBy" label={t('case.signedBy')} initialValue={c.applicant.name} rules={[{ required: true, whitespace: true, message: t('case.signedByRequired') }]}>
                  <Input maxLength={100} aria-label={t('case.signedBy')} data-testid="delivery-signed-by" />
                </Form.Item>
                <Form.Item name="signed" valuePropName="checked" rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('case.signRequired')))) }]}>
                  <Checkbox data-testid="delivery-sign">{t('case.sign')}</Checkbox>
                </Form.Item>
              </>
            )}
          </>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} danger={type === 'REFUSE' || type === 'DENY'} data-testid="action-submit" aria-keyshortcuts="Control+Enter">
            {t('case.confirm', { action: t(`common:action.${type}`) })}
          </Button>
          <Button onClick={onCancel} aria-keyshortcuts="Escape">
            {t('common:cancel')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

/**
 * REQUEST_MATERIALS must carry a complete, non-empty notice: checked here before it is sent. Materials
 * marked 不合格 (`marked`) are in it by themselves, so the list may then be empty.
 */
export function missingListEmpty(body: ActionBody, marked = 0): boolean {
  return body.type === 'REQUEST_MATERIALS' && (body.missing as string[]).length === 0 && marked === 0;
}
