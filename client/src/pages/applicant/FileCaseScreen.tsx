import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Cascader, Checkbox, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/http';
import type { CaseView, DeliveryMode, ItemView } from '../../api/types';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { loadCentreTree, pathToCentre } from './centreOptions';
import { DeliveryFields } from './DeliveryFields';
import { queryCodes } from './queryCodes';

interface FormValues {
  centre: string[];
  name: string;
  idNumber: string;
  phone: string;
  materials: string[];
  mode: DeliveryMode;
  address?: string;
}

type Filed = CaseView & { queryCode: string };

/** File an item at a chosen centre; on success show the case number and the one-time query code. */
export function FileCaseScreen() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const { message } = App.useApp();
  const user = useUser();
  const clerkCentre = user?.role === 'clerk' ? user.jurisdictionCode : null;
  const [form] = Form.useForm<FormValues>();
  const [filed, setFiled] = useState<Filed | null>(null);
  const [sending, setSending] = useState(false);
  const item = useAsync(() => api<ItemView>('GET', `/api/items/${encodeURIComponent(code)}`), [code]);
  const tree = useAsync(
    async () => (item.data ? loadCentreTree(item.data.acceptLevels, i18n.language === 'en') : undefined),
    [item.data, i18n.language],
  );

  if (item.error) return <ErrorState error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Card loading />;
  const it = item.data;

  if (filed) {
    return (
      <Result
        status="success"
        title={t('file.submitted')}
        subTitle={<Alert type="warning" showIcon title={t('file.keepCode')} />}
        extra={[
          <Card key="codes" size="small" style={{ textAlign: 'left', maxWidth: 420, margin: '0 auto 16px' }}>
            <Typography.Paragraph>
              {t('file.caseNo')}：<Typography.Text strong copyable data-testid="filed-case-no">{filed.caseNo}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('file.queryCode')}：<Typography.Text strong copyable data-testid="filed-query-code">{filed.queryCode}</Typography.Text>
            </Typography.Paragraph>
          </Card>,
          <Link key="track" to={`/track/${filed.caseNo}`}>
            <Button type="primary" size="large">
              {t('file.track')}
            </Button>
          </Link>,
          <Button key="print" size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('file.print')}
          </Button>,
        ]}
      />
    );
  }

  const submit = async (v: FormValues) => {
    setSending(true);
    try {
      const res = await api<Filed>('POST', '/api/cases', {
        body: {
          itemCode: it.code,
          centreCode: v.centre[v.centre.length - 1],
          applicant: { name: v.name, idNumber: v.idNumber, phone: v.phone },
          materials: v.materials ?? [],
          delivery: { mode: v.mode, ...(v.mode === 'post' ? { address: v.address } : {}) },
        },
      });
      queryCodes.set(res.caseNo, res.queryCode);
      setFiled(res);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t('file.title', { name: it.name })}
      </Typography.Title>
      <Card>
        {clerkCentre && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('file.clerkFiling')} />}
        {tree.error && <ErrorState error={tree.error} onRetry={tree.reload} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ mode: 'pickup', materials: it.materials.filter((m) => m.required).map((m) => m.name), centre: clerkCentre && user ? pathToCentre(clerkCentre, user.level) : undefined }}
          scrollToFirstError
        >
          <Form.Item name="centre" label={t('file.centre')} extra={t('file.centreHelp', { levels: it.acceptLevels.map((l) => t(`common:level.${l}`)).join(t('file.or')) })} rules={[{ required: true, message: t('file.centreRequired') }]}>
            <Cascader
              options={tree.data}
              disabled={!!clerkCentre}
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
              placeholder={t('file.centre')}
              aria-label={t('file.centre')}
              loading={tree.loading}
            />
          </Form.Item>
          <Typography.Title level={5}>{t('file.applicant')}</Typography.Title>
          <Form.Item name="name" label={t('file.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('file.idNumber')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('file.idInvalid') }]}>
            <Input inputMode="numeric" maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label={t('file.phone')} rules={[{ required: true, pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: t('file.phoneInvalid') }]}>
            <Input inputMode="tel" autoComplete="tel" maxLength={13} />
          </Form.Item>
          <Form.Item name="materials" label={t('file.materials')} extra={t('file.materialsHelp')}>
            <Checkbox.Group>
              <Space orientation="vertical">
                {it.materials.map((m) => (
                  <Checkbox key={m.name} value={m.name}>
                    {m.name}
                    {!m.required && <Typography.Text type="secondary">（{t('guide.requiredNo')}）</Typography.Text>}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <DeliveryFields />
          <Button type="primary" htmlType="submit" size="large" loading={sending} block>
            {t('file.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
