import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyFile, type FileVerdict } from '../../api/licences';
import { ErrorState } from '../../components/ErrorState';
import { CertificateFields } from '../certificates/CertificateFields';
import { LicenceFields } from './LicenceFields';
import { fileOutcomeOf, statusWord, VALID } from './licenceWords';

interface Checked {
  name: string;
  verdict?: FileVerdict;
  error?: unknown;
}

/** 核验 PDF 文件: a PDF someone was handed is sent to the server, which says whether every byte is as issued. */
export function VerifyFilePanel() {
  const { t } = useTranslation('licences');
  const picker = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  // Only the answer about the file chosen last is shown.
  const latest = useRef(0);
  const busy = checked !== null && !checked.verdict && !checked.error;

  const send = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again checks it again.
    input.value = '';
    if (!file) return;
    const mine = ++latest.current;
    setChecked({ name: file.name });
    try {
      const verdict = await verifyFile(file);
      if (mine === latest.current) setChecked({ name: file.name, verdict });
    } catch (error) {
      if (mine === latest.current) setChecked({ name: file.name, error });
    }
  };

  return (
    <Card size="small" title={t('file.title')} data-testid="verify-file">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('file.intro')}</Typography.Text>
        <input ref={picker} type="file" accept="application/pdf,.pdf" hidden onChange={(e) => void send(e.currentTarget)} data-testid="verify-file-input" aria-label={t('file.choose')} />
        <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => picker.current?.click()} data-testid="verify-file-button">
          {t('file.choose')}
        </Button>
        <div role="status" aria-live="polite">
          {busy && checked && <Typography.Text>{t('file.checking', { name: checked.name })}</Typography.Text>}
        </div>
        {checked?.error !== undefined && <ErrorState error={checked.error} />}
        {checked?.verdict && <FileResult name={checked.name} v={checked.verdict} />}
      </Space>
    </Card>
  );
}

function FileResult({ name, v }: { name: string; v: FileVerdict }) {
  const { t, i18n } = useTranslation('licences');
  const outcome = fileOutcomeOf(v);
  // The original of a licence no longer valid (暂扣, 注销…) is still the original: said with its status.
  const lapsed = v.licence && v.licence.status.code !== VALID ? statusWord(v.licence.status, i18n.language) : null;
  const [type, title, detail] =
    outcome === 'genuine'
      ? lapsed
        ? (['warning', t('file.genuineStatus', { status: lapsed }), t('file.genuineSub', { name })] as const)
        : (['success', t('file.genuine'), t('file.genuineSub', { name })] as const)
      : outcome === 'notLicence'
        ? (['warning', t('file.notLicence'), t('file.notLicenceSub', { name })] as const)
        : (['error', t('file.refused'), t(`file.reason.${outcome}`, { name })] as const);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="file-verdict" data-outcome={outcome} data-genuine={String(v.genuine)}>
      <Alert type={type} showIcon title={<strong>{title}</strong>} description={detail} />
      {v.licence && (v.licence.kind === 'certificate' ? <CertificateFields c={v.licence} /> : <LicenceFields l={v.licence} />)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="licence-id">
        {t('file.sha256')}：{v.sha256}
      </Typography.Text>
    </Space>
  );
}
