import { App, Button, Card, Cascader, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isValidUscc } from '../../../../workflows/identity';
import { PROJECT_INDUSTRIES, PROJECT_TYPES } from '../../../../workflows/projectCode';
import { LAND_STATUSES } from '../../../../workflows/projectStages';
import { registerProject } from '../../api/projects';
import { errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { loadPlaces } from './placeOptions';

interface Values {
  ownerName: string;
  uscc: string;
  legalRep: string;
  phone: string;
  name: string;
  location: string;
  place: string[];
  type: (typeof PROJECT_TYPES)[number];
  industry: string;
  investment: number;
  landStatus: (typeof LAND_STATUSES)[number];
}

/** Registering an investment project (赋码): the owner's legal person and the project; the code comes back at once. */
export function NewProjectScreen() {
  const { t, i18n } = useTranslation('projects');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const english = i18n.language === 'en';
  const places = useAsync(() => loadPlaces(english), [english]);
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, whitespace: true, message: t('register.required') }];

  async function submit(v: Values) {
    setBusy(true);
    try {
      const page = await registerProject({
        owner: { name: v.ownerName, uscc: v.uscc.trim().toUpperCase(), legalRep: v.legalRep, phone: v.phone },
        name: v.name,
        location: v.location,
        jurisdictionCode: v.place[v.place.length - 1]!,
        type: v.type,
        industry: v.industry,
        investment: v.investment,
        landStatus: v.landStatus,
      });
      message.success(t('register.done', { code: page.project.code }));
      navigate(`/projects/${page.project.code}`);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }} data-testid="project-register-page">
      <Typography.Title level={1} className="page-title">{t('register.title')}</Typography.Title>
      <Card>
        <Form<Values> layout="vertical" onFinish={submit} initialValues={{ ownerName: user?.displayName, type: 'filing', landStatus: 'transferred' }}>
          <Form.Item name="ownerName" label={t('field.owner')} rules={required}>
            <Input maxLength={200} data-testid="project-owner-name" />
          </Form.Item>
          <Form.Item name="uscc" label={t('field.uscc')} rules={[...required, { validator: (_r, v: string) => (!v || isValidUscc(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('register.badUscc')))) }]}>
            <Input maxLength={18} data-testid="project-uscc" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="legalRep" label={t('field.legalRep')} rules={required}>
              <Input maxLength={64} data-testid="project-legal-rep" />
            </Form.Item>
            <Form.Item name="phone" label={t('field.phone')} rules={required}>
              <Input maxLength={20} data-testid="project-phone" />
            </Form.Item>
          </Space>
          <Form.Item name="name" label={t('field.name')} rules={required}>
            <Input maxLength={200} data-testid="project-name" />
          </Form.Item>
          <Form.Item name="place" label={t('field.place')} rules={[{ required: true, message: t('register.required') }]}>
            <Cascader options={places.data} loading={places.loading} changeOnSelect aria-label={t('field.place')} data-testid="project-place" />
          </Form.Item>
          <Form.Item name="location" label={t('field.location')} rules={required}>
            <Input maxLength={200} data-testid="project-location" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="type" label={t('field.type')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} aria-label={t('field.type')} options={PROJECT_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) }))} data-testid="project-type" />
            </Form.Item>
            <Form.Item name="industry" label={t('field.industry')} rules={[{ required: true, message: t('register.required') }]}>
              <Select style={{ width: 260 }} aria-label={t('field.industry')} options={Object.entries(PROJECT_INDUSTRIES).map(([code, n]) => ({ value: code, label: `${code} ${english ? n.en : n.zh}` }))} data-testid="project-industry" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="investment" label={t('field.investment')} rules={[{ required: true, message: t('register.required') }]}>
              <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 200 }} data-testid="project-investment" />
            </Form.Item>
            <Form.Item name="landStatus" label={t('field.landStatus')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} aria-label={t('field.landStatus')} options={LAND_STATUSES.map((x) => ({ value: x, label: t(`land.${x}`) }))} data-testid="project-land" />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="project-submit">
            {t('register.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
