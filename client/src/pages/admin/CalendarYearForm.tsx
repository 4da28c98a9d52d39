import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/http';
import type { CalendarSaved } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { parseDayLines, type DayKind } from './calendarLines';

interface Row {
  date?: Dayjs;
  kind: DayKind;
  name?: string;
}
interface Values {
  year: number;
  days: Row[];
}
type Issue = { field: string; line?: number; message: string };

/** Adds a year of holidays and make-up working days, typed row by row or pasted as lines. */
export function CalendarYearForm({ years, onSaved }: { years: number[]; onSaved: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [paste, setPaste] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<CalendarSaved>();
  const [failure, setFailure] = useState<{ error: unknown; issues: Issue[] }>();
  const year = Form.useWatch('year', form) ?? new Date().getFullYear() + 1;

  const addPasted = () => {
    const { days, bad } = parseDayLines(paste);
    if (bad.length) message.error(t('calendar.pasteBad', { lines: bad.join(', ') }));
    if (!days.length) return;
    const kept = (form.getFieldValue('days') as Row[] | undefined)?.filter((r) => r.date) ?? [];
    form.setFieldValue('days', [...kept, ...days.map((d) => ({ date: dayjs(d.date), kind: d.kind, name: d.name }))]);
    if (!bad.length) setPaste('');
    message.success(t('calendar.pasted', { n: days.length }));
  };

  const send = async (v: Values) => {
    setBusy(true);
    setSaved(undefined);
    setFailure(undefined);
    // Rows go in form order, so an issue's index ("days.3.date") points at the row on screen.
    const days = v.days.map((r) => ({ date: r.date!.format('YYYY-MM-DD'), kind: r.kind, ...(r.name?.trim() ? { name: r.name.trim() } : {}) }));
    try {
      const r = await api<CalendarSaved>('PUT', `/api/calendar/years/${v.year}`, { body: { days } });
      setSaved(r);
      message.success(t('calendar.saved', { year: r.year, days: r.days, cases: r.refreshedCases }));
      onSaved();
    } catch (e) {
      const issues = e instanceof ApiError ? ((e.details as { issues?: Issue[] } | undefined)?.issues ?? []) : [];
      form.setFields(
        issues.flatMap((i) => {
          const m = /^days\.(\d+)\.(date|kind|name)$/.exec(i.field);
          return m ? [{ name: ['days', Number(m[1]), m[2] as 'date' | 'kind' | 'name'] as ['days', number, 'date'], errors: [i.message] }] : [];
        }),
      );
      setFailure({ error: e, issues });
    } finally {
      setBusy(false);
    }
  };

  const submit = (v: Values) => {
    if (!v.days?.length) return void message.warning(t('calendar.noRows'));
    if (!years.includes(v.year)) return void send(v);
    modal.confirm({ title: t('calendar.replaceConfirm', { year: v.year }), onOk: () => send(v) });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ year: Math.max(new Date().getFullYear(), ...years) + 1, days: [] }} onFinish={submit}>
      <Typography.Paragraph type="secondary">{t('calendar.help')}</Typography.Paragraph>
      <Form.Item name="year" label={t('calendar.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.List name="days">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" size={[8, 0]} role="group" aria-label={`${t('calendar.date')} ${i + 1}`} style={{ width: '100%', borderBottom: '1px dashed #e8e8e8', marginBottom: 12 }}>
                <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: t('users.required') }]}>
                  <DatePicker
                    aria-label={`${t('calendar.date')} ${i + 1}`}
                    placeholder={t('calendar.date')}
                    defaultPickerValue={dayjs(`${year}-01-01`)}
                    disabledDate={(d) => d.year() !== year}
                    style={{ width: 150 }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                  <Select
                    aria-label={`${t('calendar.kind')} ${i + 1}`}
                    style={{ width: 170 }}
                    options={[
                      { value: 'holiday', label: t('calendar.holiday') },
                      { value: 'workday', label: t('calendar.workday') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'name']}>
                  <Input aria-label={`${t('calendar.name')} ${i + 1}`} placeholder={t('calendar.name')} maxLength={64} style={{ width: 160 }} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('calendar.remove')} ${i + 1}`} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'holiday' })}>
                {t('calendar.addRow')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item label={t('calendar.paste')} extra={t('calendar.pasteHelp')} htmlFor="calendar-paste">
        <Space.Compact style={{ width: '100%' }} orientation="vertical">
          <Input.TextArea id="calendar-paste" value={paste} onChange={(e) => setPaste(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} placeholder={`${year}-01-01,holiday,元旦`} spellCheck={false} />
          <Button onClick={addPasted} disabled={!paste.trim()}>
            {t('calendar.pasteApply')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {saved ? <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('calendar.saved', { year: saved.year, days: saved.days, cases: saved.refreshedCases })} /> : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorText(failure.error, tc)}
          description={failure.issues.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{failure.issues.map((i) => <li key={i.field + i.message}>{i.line ? i.message : `${i.field}: ${i.message}`}</li>)}</ul> : undefined}
        />
      ) : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('calendar.save')}
      </Button>
    </Form>
  );
}
