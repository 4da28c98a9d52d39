import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { adjustDraft } from '../../api/powers';
import { CHANGE_KINDS, POWER_TYPES } from '../../../../workflows/powerTypes';

interface Values {
  kind: (typeof CHANGE_KINDS)[number];
  codes?: string;
  name?: string;
  type?: string;
  department?: string;
  entryBasis?: string;
  toLevel?: string;
  reason: string;
  basis: string;
}

/** One adjustment of the draft: the fields its kind needs, always a reason and a basis. */
export function AdjustForm({ versionId, onDone, onError }: { versionId: number; onDone: () => void; onError: (text: string) => void }) {
  const { t } = useTranslation('powers');
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'cut';
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    const codes = (v.codes ?? '').split(/[\s,，]+/).filter(Boolean);
    const entry = { name: v.name, type: v.type, department: v.department, basis: v.entryBasis || undefined };
    const body = { kind: v.kind, reason: v.reason, basis: v.basis, ...(v.kind === 'add' ? { entries: [entry] } : { codes }), ...(v.kind === 'merge' ? { entry } : {}), ...(v.kind === 'move' ? { toLevel: v.toLevel } : {}) };
    setBusy(true);
    try {
      await adjustDraft(versionId, body);
      form.resetFields(['codes', 'name', 'reason', 'basis']);
      onDone();
    } catch (e) {
      onError(e instanceof ApiError ? `${e.code}: ${e.message}${e.details ? ` ${JSON.stringify(e.details)}` : ''}` : String(e));
    } finally {
      setBusy(false);
    }
  };
  const needsEntry = kind === 'add' || kind === 'merge';
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'cut', type: POWER_TYPES[0], toLevel: 'county' }} onFinish={submit} data-testid="powers-adjust" style={{ maxWidth: 640 }}>
      <Form.Item name="kind" label={t('admin.kind')}>
        <Select options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      {kind !== 'add' && (
        <Form.Item name="codes" label={t('admin.codes')} rules={[{ required: true, message: t('admin.codes') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      {needsEntry && (
        <>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, min: 2, message: t('admin.name') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="type" label={t('admin.type')}>
            <Select options={POWER_TYPES.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item name="department" label={t('admin.department')} rules={[{ required: true, min: 2, message: t('admin.department') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="entryBasis" label={t('admin.basisOfEntry')}>
            <Input />
          </Form.Item>
        </>
      )}
      {kind === 'move' && (
        <Form.Item name="toLevel" label={t('admin.toLevel')}>
          <Select options={['province', 'city', 'county', 'town'].map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('admin.reason')} rules={[{ required: true, min: 2, message: t('admin.reason') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="basis" label={t('admin.basis')} rules={[{ required: true, min: 2, message: t('admin.basis') }]}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('admin.submit')}
      </Button>
    </Form>
  );
}
