import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Result, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authorisationLetterName } from '../../../../workflows/parties';
import { api, qs } from '../../api/http';
import type { CaseView, DeliveryMode, ItemsPage, ItemView } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { useUser } from '../../session';
import { DeliveryFields } from '../applicant/DeliveryFields';
import { PartyFields, partiesBody, useLetterRule, type PartyValues } from '../applicant/PartyFields';

interface FormValues extends PartyValues {
  materials: string[];
  mode: DeliveryMode;
  address?: string;
  verified: boolean;
}

type Filed = CaseView & { queryCode: string };

/**
 * 窗口收件: the clerk files for a walk-in applicant at their own centre and
 * accepts in the same step (one request, `acceptNow`), having checked the
 * identity documents in person.
 */
export function CounterFileScreen() {
  const { t, i18n } = useTranslation(['desk', 'applicant', 'common']);
  const { message } = App.useApp();
  const user = useUser()!;
  const names = useJurisdictionNames([user.jurisdictionCode], i18n.language === 'en');
  const [form] = Form.useForm<FormValues>();
  const [items, setItems] = useState<ItemView[]>([]);
  const [item, setItem] = useState<ItemView | null>(null);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [sending, setSending] = useState(false);
  const letterRule = useLetterRule();
  const viaAgent = Form.useWatch('viaAgent', form);

  // Only the latest search may fill the list: the empty one sent on focus, answered late, must not replace what was typed after.
  const latest = useRef(0);
  const search = async (q: string) => {
    const mine = ++latest.current;
    const page = await api<ItemsPage>('GET', `/api/items${qs({ q, acceptLevel: user.level, pageSize: 20 })}`).catch(() => null);
    if (page && mine === latest.current) setItems(page.items);
  };
  const choose = (code: string) => {
    const it = items.find((i) => i.code === code) ?? null;
    setItem(it);
    form.resetFields();
    if (it) form.setFieldsValue({ applicantType: it.applicantTypes[0], mode: 'pickup', materials: it.materials.filter((m) => m.required).map((m) => m.name) });
  };

  if (filed) {
    return (
      <Result
        status="success"
        title={t('counter.done')}
        subTitle={<Alert type="info" showIcon title={t('counter.handOver')} />}
        extra={[
          <Card key="codes" size="small" style={{ textAlign: 'left', maxWidth: 420, margin: '0 auto 16px' }}>
            <Typography.Paragraph>
              {t('applicant:file.caseNo')}：<Typography.Text strong copyable data-testid="counter-case-no">{filed.caseNo}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('applicant:file.queryCode')}：<Typography.Text strong copyable data-testid="counter-query-code">{filed.queryCode}</Typography.Text>
            </Typography.Paragraph>
          </Card>,
          <Link key="open" to={`/desk/cases/${filed.caseNo}`}>
            <Button type="primary">{t('counter.openCase')}</Button>
          </Link>,
          <Button key="print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('applicant:file.print')}
          </Button>,
          <Button key="again" onClick={() => (setFiled(null), setItem(null), form.resetFields())}>
            {t('counter.another')}
          </Button>,
        ]}
      />
    );
  }

  const submit = async (v: FormValues) => {
    if (!item) return;
    setSending(true);
    try {
      const res = await api<Filed>('POST', '/api/cases', {
        body: {
          itemCode: item.code,
          centreCode: user.jurisdictionCode,
          ...partiesBody(v),
          materials: v.materials ?? [],
          delivery: { mode: v.mode, ...(v.mode === 'post' ? { address: v.address } : {}) },
          acceptNow: true,
        },
      });
      setFiled(res);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setSending(false);
    }
  };

  const letter = item ? authorisationLetterName(item.materials) : '';
  const materialOptions = !item ? [] : !viaAgent || item.materials.some((m) => m.name === letter) ? item.materials : [...item.materials, { name: letter, required: false, deferrable: false }];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <div>
        <Typography.Title level={1} className="page-title">
          {t('counter.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('counter.subtitle', { centre: names[user.jurisdictionCode] ?? user.jurisdictionCode })}</Typography.Text>
      </div>
      <Card>
        <Form.Item label={t('counter.item')} layout="vertical">
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            placeholder={t('counter.itemPlaceholder')}
            aria-label={t('counter.item')}
            value={item?.code}
            onChange={choose}
            onFocus={() => items.length === 0 && void search('')}
            options={items.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
            style={{ width: '100%' }}
            data-testid="counter-item"
          />
        </Form.Item>
        {item && (
          <Form<FormValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
            <PartyFields types={item.applicantTypes} counter onAgent={(on) => on && form.setFieldValue('materials', [...new Set([...(form.getFieldValue('materials') ?? []), letter])])} />
            <Form.Item name="materials" label={t('counter.materials')} dependencies={['viaAgent']} rules={[letterRule]}>
              <Checkbox.Group>
                <Space orientation="vertical">
                  {materialOptions.map((m) => (
                    <Checkbox key={m.name} value={m.name}>
                      {m.name}
                      {!m.required && <Typography.Text type="secondary">（{t('applicant:guide.requiredNo')}）</Typography.Text>}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
            <DeliveryFields />
            <Form.Item name="verified" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('counter.verifiedRequired')))) }]}>
              <Checkbox>{t('counter.verified')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" loading={sending} block>
              {t('counter.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
