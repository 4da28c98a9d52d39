import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { authorisationLetterName } from '../../../../workflows/parties';
import { api } from '../../api/http';
import type { CaseView, DeliveryMode } from '../../api/types';
import type { ItemGuide } from '../../api/commitments';
import { CommitmentChoices, signedRule, type CommitmentChoice } from '../commitments/CommitmentChoices';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { session, useUser } from '../../session';
import { CentrePicker } from './CentrePicker';
import { loadCentreTree, pathToCentre } from './centreOptions';
import { DeliveryFields } from './DeliveryFields';
import { FiledUploads, useFiledUploads } from './FiledUploads';
import { MaterialChoices, type ChosenFiles } from './MaterialChoices';
import { PartyFields, partiesBody, useLetterRule, type PartyValues } from './PartyFields';
import { queryCodes } from './queryCodes';

interface FormValues extends PartyValues {
  centre: string[];
  materials: string[];
  commitments?: CommitmentChoice[];
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
  const [prefilled, setPrefilled] = useState(false);
  // A file per material, sent once the case exists (a refused file never loses the filing).
  const [chosen, setChosen] = useState<ChosenFiles>({});
  const uploads = useFiledUploads();
  const letterRule = useLetterRule();
  const viaAgent = Form.useWatch('viaAgent', form);
  const applicantName = Form.useWatch('name', form) ?? '';
  // An applicant with an account has their own particulars filled in (GET /api/auth/me's profile).
  useEffect(() => {
    if (user?.role !== 'applicant') return;
    void api<{ profile?: { idNumber: string | null; phone: string | null } }>('GET', '/api/auth/me').then(({ profile }) => {
      if (!profile) return;
      const blank = (f: keyof FormValues) => !form.getFieldValue(f);
      form.setFieldsValue({
        ...(blank('name') ? { name: user.displayName } : {}),
        ...(blank('idNumber') && profile.idNumber ? { idNumber: profile.idNumber } : {}),
        ...(blank('phone') && profile.phone ? { phone: profile.phone } : {}),
      });
      setPrefilled(true);
    }, () => undefined);
  }, [user?.role, user?.displayName, form]);
  const item = useAsync(() => api<ItemGuide>('GET', `/api/items/${encodeURIComponent(code)}`), [code]);
  const tree = useAsync(
    async () => (item.data ? loadCentreTree(item.data.acceptLevels, i18n.language === 'en') : undefined),
    [item.data, i18n.language],
  );

  if (item.error) return <ErrorState error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Card loading />;
  const it = item.data;
  // An agent's filing needs the power of attorney: offered then even where the item does not list it.
  const letter = authorisationLetterName(it.materials);
  const materialOptions = !viaAgent || it.materials.some((m) => m.name === letter) ? it.materials : [...it.materials, { name: letter, required: false, deferrable: false }];

  if (filed) {
    return (
      <Result
        status="success"
        title={t('file.submitted')}
        subTitle={<Alert type="warning" showIcon title={t('file.keepCode')} />}
        extra={[
          <Card key="codes" size="small" style={{ textAlign: 'left', maxWidth: 420, margin: '0 auto 16px' }}>
            <Typography.Paragraph data-testid="receipt-promise">
              <Typography.Text strong>{filed.promise.dueOn ? `${t('common:promise.title')}：${filed.promise.dueOn}` : t('common:promise.limit', { n: it.promisedDays })}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              {t('file.caseNo')}：<Typography.Text strong copyable data-testid="filed-case-no">{filed.caseNo}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('file.queryCode')}：<Typography.Text strong copyable data-testid="filed-query-code">{filed.queryCode}</Typography.Text>
            </Typography.Paragraph>
          </Card>,
          uploads.outcomes.length > 0 && (
            <Card key="files" size="small" style={{ textAlign: 'left', maxWidth: 420, margin: '0 auto 16px' }}>
              <FiledUploads outcomes={uploads.outcomes} />
            </Card>
          ),
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
          ...partiesBody(v),
          materials: v.materials ?? [],
          ...(v.commitments?.length ? { commitments: v.commitments.map((c) => ({ proof: c.proof, signed: true })) } : {}),
          delivery: { mode: v.mode, ...(v.mode === 'post' ? { address: v.address } : {}) },
        },
      });
      queryCodes.set(res.caseNo, res.queryCode);
      setFiled(res);
      // The files of the ticked materials go now, with the new case's query code (or the account's token).
      const ticked = new Set(v.materials ?? []);
      const toSend = Object.fromEntries(Object.entries(chosen).filter(([m]) => ticked.has(m)));
      if (Object.keys(toSend).length > 0) void uploads.run(res.caseNo, session.token() ? null : res.queryCode, toSend);
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
          initialValues={{ applicantType: it.applicantTypes[0], mode: 'pickup', materials: it.materials.filter((m) => m.required).map((m) => m.name), centre: clerkCentre && user ? pathToCentre(clerkCentre, user.level) : undefined }}
          scrollToFirstError
        >
          <Form.Item name="centre" label={t('file.centre')} extra={t('file.centreHelp', { levels: it.acceptLevels.map((l) => t(`common:level.${l}`)).join(t('file.or')) })} rules={[{ required: true, message: t('file.centreRequired') }]}>
            <CentrePicker
              options={tree.data}
              disabled={!!clerkCentre}
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
              placeholder={t('file.centre')}
              aria-label={t('file.centre')}
              loading={tree.loading}
            />
          </Form.Item>
          {prefilled && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('parties.prefilled')} />}
          <PartyFields types={it.applicantTypes} onAgent={(on) => on && form.setFieldValue('materials', [...new Set([...(form.getFieldValue('materials') ?? []), letter])])} />
          <Form.Item name="materials" label={t('file.materials')} extra={`${t('file.materialsHelp')} ${t('files:filing.help')}`} dependencies={['viaAgent']} rules={[letterRule]}>
            <MaterialChoices materials={materialOptions} files={chosen} onFiles={setChosen} />
          </Form.Item>
          <Form.Item name="commitments" rules={[signedRule(t('commitments:file.signRequired'))]} noStyle={false}>
            <CommitmentChoices
              proofs={it.proofs ?? []}
              applicantName={applicantName}
              onChosen={(proof, chosen) => {
                // A proof replaced by a commitment is not brought: its material is unticked (and ticked again if given up).
                const now: string[] = form.getFieldValue('materials') ?? [];
                form.setFieldValue('materials', chosen ? now.filter((m) => m !== proof) : [...new Set([...now, proof])]);
              }}
            />
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
