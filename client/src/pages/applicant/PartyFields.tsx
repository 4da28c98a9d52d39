import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidIdNumber, isValidUscc } from '../../../../workflows/identity';
import { hasAuthorisationLetter, type ApplicantType } from '../../../../workflows/parties';

/** The parties' fields of a filing form (the enclosing form's values). */
export interface PartyValues {
  applicantType: ApplicantType;
  name: string;
  idNumber?: string;
  phone: string;
  uscc?: string;
  legalRepresentative?: string;
  viaAgent?: boolean;
  agentName?: string;
  agentIdNumber?: string;
  agentPhone?: string;
}

const upper = (v: unknown) => String(v ?? '').trim().toUpperCase();
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** The request's `applicant` and `agent` from the form's values. */
export function partiesBody(v: PartyValues) {
  const applicant =
    v.applicantType === 'organisation'
      ? { type: 'organisation' as const, name: v.name, uscc: upper(v.uscc), legalRepresentative: v.legalRepresentative, phone: v.phone }
      : { type: 'person' as const, name: v.name, idNumber: upper(v.idNumber), phone: v.phone };
  const agent = v.viaAgent ? { name: v.agentName, idNumber: upper(v.agentIdNumber), phone: v.agentPhone } : undefined;
  return { applicant, ...(agent ? { agent } : {}) };
}

/** The materials rule: an agent's filing carries the power of attorney. */
export function useLetterRule() {
  const { t } = useTranslation('applicant');
  return ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: (_: unknown, list: string[] | undefined) =>
      !getFieldValue('viaAgent') || hasAuthorisationLetter(list ?? []) ? Promise.resolve() : Promise.reject(new Error(t('parties.letterRequired'))),
  });
}

/**
 * Who applies and who files for them, checked as the server checks them
 * (GB 11643 and GB 32100 check characters, workflows/identity.ts). `counter`
 * words the labels for a clerk filing for a walk-in applicant.
 */
export function PartyFields({ types, counter = false, onAgent }: { types: ApplicantType[]; counter?: boolean; onAgent?: (on: boolean) => void }) {
  const { t } = useTranslation('applicant');
  const type = (Form.useWatch('applicantType') as ApplicantType | undefined) ?? types[0];
  const viaAgent = Form.useWatch('viaAgent') as boolean | undefined;
  const idRule = { validator: (_: unknown, v: unknown) => (!v || isValidIdNumber(upper(v)) ? Promise.resolve() : Promise.reject(new Error(t('file.idInvalid')))) };
  const phoneRule = { pattern: PHONE, message: t('file.phoneInvalid') };
  return (
    <>
      <Typography.Title level={5}>{counter ? t('parties.counterApplicant') : t('file.applicant')}</Typography.Title>
      <Form.Item name="applicantType" label={t('parties.type')} hidden={types.length < 2}>
        <Radio.Group>
          {types.map((ty) => (
            <Radio key={ty} value={ty} data-testid={`applicant-type-${ty}`}>
              {t(`parties.${ty}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {type === 'organisation' ? (
        <>
          <Form.Item name="name" label={t('parties.orgName')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item
            name="uscc"
            label={t('parties.uscc')}
            rules={[{ required: true, message: t('parties.usccInvalid') }, { validator: (_, v) => (!v || isValidUscc(upper(v)) ? Promise.resolve() : Promise.reject(new Error(t('parties.usccInvalid')))) }]}
          >
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item name="legalRepresentative" label={t('parties.legalRep')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="name" label={counter ? t('parties.counterName') : t('file.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="idNumber" label={counter ? t('parties.counterIdNumber') : t('file.idNumber')} rules={[{ required: true, message: t('file.idInvalid') }, idRule]}>
            <Input maxLength={18} />
          </Form.Item>
        </>
      )}
      <Form.Item name="phone" label={counter ? t('parties.counterPhone') : t('file.phone')} rules={[{ required: true, message: t('file.phoneInvalid') }, phoneRule]}>
        <Input inputMode="tel" autoComplete="tel" maxLength={13} />
      </Form.Item>
      <Form.Item name="viaAgent" valuePropName="checked" extra={t('parties.viaAgentHelp')}>
        <Checkbox onChange={(e) => onAgent?.(e.target.checked)}>{t('parties.viaAgent')}</Checkbox>
      </Form.Item>
      {viaAgent && (
        <>
          <Typography.Title level={5}>{t('parties.agent')}</Typography.Title>
          <Form.Item name="agentName" label={t('parties.agentName')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="agentIdNumber" label={t('parties.agentIdNumber')} rules={[{ required: true, message: t('file.idInvalid') }, idRule]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="agentPhone" label={t('parties.agentPhone')} rules={[{ required: true, message: t('file.phoneInvalid') }, phoneRule]}>
            <Input inputMode="tel" maxLength={13} />
          </Form.Item>
        </>
      )}
    </>
  );
}
