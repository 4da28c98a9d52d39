import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import type { DeedView, PilotTownView } from '../../api/delegations';
import { errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

type Dayjs = { format(f: string): string };
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** A form in a modal that sends one request; the server's refusal (with its problems) shows above the fields. */
function useSend(onDone: () => void) {
  const { message } = App.useApp();
  const { t } = useTranslation('delegations');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const send = async (method: string, path: string, body: unknown) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api(method, path, { body });
      message.success(t('admin.saved'));
      onDone();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, send };
}

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problems = ((error as { details?: { problems?: string[] } })?.details?.problems ?? []).join('；');
  return <Alert type="error" showIcon title={errorText(error, t)} description={problems || undefined} style={{ marginBottom: 12 }} />;
}

/** Admin: revoke a deed from a date (today or later), with the reason. */
export function RevokeDeedButton({ deed, onDone }: { deed: DeedView; onDone: () => void }) {
  const { t } = useTranslation('delegations');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; revokedOn: Dayjs }>();
  const { busy, failure, send } = useSend(() => {
    setOpen(false);
    onDone();
  });
  if (deed.revokedOn) return null;
  return (
    <>
      <Button danger size="small" data-testid="deed-revoke" onClick={() => setOpen(true)}>{t('admin.revoke')}</Button>
      {open && (
        <Modal open title={t('admin.revokeTitle', { deedNo: deed.deedNo })} okText={t('admin.revoke')} confirmLoading={busy} onCancel={() => setOpen(false)} onOk={() => form.submit()}>
          {failure !== undefined && <Failure error={failure} />}
          <Form form={form} layout="vertical" onFinish={(v) => send('POST', `/api/delegations/${encodeURIComponent(deed.deedNo)}/revoke`, { reason: v.reason, revokedOn: iso(v.revokedOn), expectedVersion: deed.version })}>
            <Form.Item name="reason" label={t('admin.reason')} rules={[{ required: true, message: t('admin.required') }]}><Input.TextArea rows={2} data-testid="deed-revoke-reason" /></Form.Item>
            <Form.Item name="revokedOn" label={t('admin.revokedOn')} rules={[{ required: true, message: t('admin.required') }]}><DatePicker /></Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

interface IssueValues {
  deedNo: string;
  department: string;
  townCode: string;
  itemCodes: string;
  scope: string[];
  validFrom: Dayjs;
  validTo: Dayjs;
  publishedOn: Dayjs;
}

/** Admin: record a published deed (its items as codes, one per line or separated by commas). */
export function IssueDeedButton({ towns, onDone }: { towns: PilotTownView[]; onDone: () => void }) {
  const { t, i18n } = useTranslation('delegations');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<IssueValues>();
  const departments = useAsync(() => api<{ departments: { code: string; name: string; nameEn: string }[] }>('GET', '/api/departments'), []);
  const { busy, failure, send } = useSend(() => {
    setOpen(false);
    onDone();
  });
  const required = [{ required: true, message: t('admin.required') }];
  const submit = (v: IssueValues) =>
    send('POST', '/api/delegations', {
      deedNo: v.deedNo,
      department: v.department,
      townCode: v.townCode,
      itemCodes: v.itemCodes.split(/[\s,，、]+/).filter(Boolean),
      scope: v.scope,
      validFrom: iso(v.validFrom),
      validTo: iso(v.validTo),
      publishedOn: iso(v.publishedOn),
    });
  const list = departments.data?.departments ?? [];
  return (
    <>
      <Button type="primary" data-testid="deed-issue" onClick={() => setOpen(true)}>{t('admin.issue')}</Button>
      {open && (
        <Modal open title={t('admin.issue')} confirmLoading={busy} onCancel={() => setOpen(false)} onOk={() => form.submit()}>
          {failure !== undefined && <Failure error={failure} />}
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scope: ['accept', 'review', 'decide'] }}>
            <Form.Item name="deedNo" label={t('deed.no')} rules={required}><Input /></Form.Item>
            <Form.Item name="department" label={t('admin.department')} rules={required}>
              <Select options={list.map((d) => ({ value: d.code, label: i18n.language === 'en' ? d.nameEn : d.name }))} />
            </Form.Item>
            <Form.Item name="townCode" label={t('towns')} rules={required}>
              <Select options={towns.filter((x) => !x.until).map((x) => ({ value: x.code, label: `${x.name} · ${x.countyName}` }))} />
            </Form.Item>
            <Form.Item name="itemCodes" label={t('admin.itemCodes')} rules={required}><Input.TextArea rows={3} placeholder="330300-XK-0001, 330300-XK-0002" /></Form.Item>
            <Form.Item name="scope" label={t('deed.scope')} rules={required}>
              <Checkbox.Group options={(['accept', 'review', 'decide'] as const).map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
            </Form.Item>
            <Form.Item name="validFrom" label={t('admin.validFrom')} rules={required}><DatePicker /></Form.Item>
            <Form.Item name="validTo" label={t('admin.validTo')} rules={required}><DatePicker /></Form.Item>
            <Form.Item name="publishedOn" label={t('deed.published')} rules={required}><DatePicker /></Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
