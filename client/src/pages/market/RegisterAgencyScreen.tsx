import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadAllServiceItems, loadMarketAreas, registerAgency, type Registration } from '../../api/marketAgencies';
import { errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

type Values = Omit<Registration, 'qualifications'> & { qualifications: (Omit<Registration['qualifications'][number], 'expiresOn'> & { expiresOn: Dayjs })[] };

const REVIEW_DAYS = 5;

/** 入驻, public: particulars, qualifications, staff, services, areas and a log-in; the centre reviews it. */
export function RegisterAgencyScreen() {
  const { t, i18n } = useTranslation('marketAgencies');
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const items = useAsync(loadAllServiceItems, []);
  const areas = useAsync(loadMarketAreas, []);
  const [done, setDone] = useState<{ id: number; username: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const req = [{ required: true, whitespace: true, message: t('register.required') }];
  const areaOptions = (areas.data ?? []).map((a) => ({ value: a.code, label: en && a.nameEn ? a.nameEn : a.name }));

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const answer = await registerAgency({ ...v, qualifications: v.qualifications.map((q) => ({ ...q, expiresOn: q.expiresOn.format('YYYY-MM-DD') })) });
      setDone({ id: answer.agency.id, username: answer.username });
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Alert type="success" showIcon data-testid="register-done" data-id={done.id} title={t('register.done', { username: done.username })} action={<Link to="/login">{t('register.view')}</Link>} />
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }} data-testid="market-register">
      <div>
        <Typography.Title level={1} className="page-title">
          {t('register.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('register.intro', { days: REVIEW_DAYS })}</Typography.Paragraph>
      </div>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ qualifications: [{}], staff: [{}], jurisdictionCode: '330300000000', areas: ['330300000000'] }}>
        <Card size="small" title={t('register.particulars')}>
          <Form.Item name="name" label={t('register.name')} rules={req}>
            <Input maxLength={200} data-testid="reg-name" />
          </Form.Item>
          <Form.Item name="uscc" label={t('register.uscc')} extra={t('register.usccHelp')} rules={req}>
            <Input maxLength={18} data-testid="reg-uscc" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="legalRepresentative" label={t('register.legalRepresentative')} rules={req}>
              <Input maxLength={64} data-testid="reg-legal" />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('register.phone')} rules={req}>
              <Input maxLength={20} data-testid="reg-phone" />
            </Form.Item>
          </Space>
          <Form.Item name="address" label={t('register.address')} rules={req}>
            <Input maxLength={200} data-testid="reg-address" />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('register.jurisdiction')} rules={[{ required: true, message: t('register.required') }]}>
            <Select options={areaOptions} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="areas" label={t('register.areas')} rules={[{ required: true, message: t('register.required') }]}>
            <Select mode="multiple" options={areaOptions} />
          </Form.Item>
          <Form.Item name="services" label={t('register.services')} rules={[{ required: true, message: t('register.required') }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" data-testid="reg-services" options={(items.data ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))} />
          </Form.Item>
          <Form.Item name="introduction" label={t('register.introduction')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('register.qualifications')} style={{ marginTop: 12 }}>
          <Form.List name="qualifications">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start" data-testid="reg-qualification">
                    <Form.Item name={[f.name, 'name']} label={t('profile.qualName')} rules={req}>
                      <Input data-testid="reg-qual-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'level']} label={t('profile.level')} rules={req}>
                      <Input style={{ width: 80 }} data-testid="reg-qual-level" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'certificateNo']} label={t('profile.certificateNo')} rules={req}>
                      <Input data-testid="reg-qual-no" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'issuedBy']} label={t('profile.issuedBy')} rules={req}>
                      <Input data-testid="reg-qual-issuer" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'expiresOn']} label={t('profile.expiresOn')} rules={[{ required: true, message: t('register.required') }]}>
                      <DatePicker data-testid="reg-qual-expires" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined aria-label={t('register.remove')} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('register.addQualification')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('register.staff')} style={{ marginTop: 12 }}>
          <Form.List name="staff">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'name']} label={t('profile.staffName')} rules={req}>
                      <Input data-testid="reg-staff-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} label={t('profile.staffTitle')} rules={req}>
                      <Input data-testid="reg-staff-title" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'certificateNo']} label={t('profile.certificateNo')} rules={req}>
                      <Input data-testid="reg-staff-no" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined aria-label={t('register.remove')} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('register.addStaff')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('register.account')} style={{ marginTop: 12 }}>
          <Space wrap align="start">
            <Form.Item name={['account', 'username']} label={t('register.username')} extra={t('register.usernameHelp')} rules={req}>
              <Input autoComplete="username" data-testid="reg-username" />
            </Form.Item>
            <Form.Item name={['account', 'password']} label={t('register.password')} extra={t('register.passwordHelp')} rules={[{ required: true, min: 8, message: t('register.passwordHelp') }]}>
              <Input.Password autoComplete="new-password" data-testid="reg-password" />
            </Form.Item>
          </Space>
        </Card>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }} data-testid="reg-submit">
          {t('register.submit')}
        </Button>
      </Form>
    </Space>
  );
}
