import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { certificatePath, listCertificateKinds, requestCertificate } from '../../api/certificates';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { CentrePicker } from '../applicant/CentrePicker';
import { loadCentreTree } from '../applicant/centreOptions';

interface Values {
  kindCode: string;
  village: string[];
  purpose: string;
}

/** 网上申请证明: the kind (with its legal basis, materials and whether the town reviews too), the village committee, the purpose. */
export function RequestCertificateScreen() {
  const { t, i18n } = useTranslation('certificates');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kinds = useAsync(() => listCertificateKinds(), []);
  const tree = useAsync(() => loadCentreTree(['village'], i18n.language === 'en'), [i18n.language]);
  const kindCode = Form.useWatch('kindCode', form);
  const kind = kinds.data?.find((k) => k.code === kindCode);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const res = await requestCertificate({ kindCode: v.kindCode, villageCode: v.village[v.village.length - 1]!, purpose: v.purpose });
      message.success(t('request.done'));
      navigate(certificatePath(res.certificate.id));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={1} className="page-title">
        {t('request.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('request.intro')}</Typography.Paragraph>
      {(kinds.error || tree.error) && <ErrorState error={kinds.error ?? tree.error} onRetry={kinds.error ? kinds.reload : tree.reload} />}
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kindCode: params.get('kind') ?? undefined }} data-testid="certificate-form">
          <Form.Item name="kindCode" label={t('request.kind')} rules={[{ required: true, message: t('request.kindRequired') }]}>
            <Select
              loading={kinds.loading}
              aria-label={t('request.kind')}
              data-testid="certificate-kind"
              options={(kinds.data ?? []).map((k) => ({ value: k.code, label: i18n.language === 'en' ? k.nameEn : k.name }))}
            />
          </Form.Item>
          {kind && (
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              data-testid="certificate-kind-facts"
              title={kind.needsTown ? t('request.needsTown') : t('request.villageOnly')}
              description={
                <Space orientation="vertical" size={0}>
                  <span>{t('request.basis', { basis: kind.legalBasis })}</span>
                  <span>{t('request.materials', { list: kind.materials.join('、') })}</span>
                  <span>{t('request.validDays', { days: kind.validDays })}</span>
                </Space>
              }
            />
          )}
          <Form.Item name="village" label={t('request.village')} rules={[{ required: true, message: t('request.villageRequired') }]}>
            <CentrePicker
              options={tree.data}
              loading={tree.loading}
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
              placeholder={t('request.village')}
              aria-label={t('request.village')}
              data-testid="certificate-village"
            />
          </Form.Item>
          <Form.Item name="purpose" label={t('request.purpose')} extra={t('request.purposeHelp')} rules={[{ required: true, whitespace: true, message: t('request.purposeRequired') }]}>
            <Input maxLength={500} data-testid="certificate-purpose" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="certificate-submit">
            {t('request.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
