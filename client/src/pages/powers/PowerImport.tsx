import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { importPowers } from '../../api/powers';
import { errorText } from '../../components/ErrorState';

type Problem = { line: number; field: string; message: string };

/** Import into the draft: a CSV or .xlsx file, all or nothing; the problems by line in the UI's language. */
export function PowerImport({ versionId, onDone }: { versionId: number; onDone: () => void }) {
  const { t } = useTranslation('powers');
  const { t: tc, i18n } = useTranslation();
  const [file, setFile] = useState<File>();
  const [outcome, setOutcome] = useState<{ ok: string } | { problems: Problem[]; message: string } | { error: string }>();
  const submit = async (v: { reason: string; basis: string }) => {
    if (!file) return;
    try {
      const r = await importPowers(versionId, file, v.reason, v.basis, i18n.language.startsWith('en') ? 'en' : 'zh');
      setOutcome({ ok: t('admin.imported', { n: r.imported, m: r.unchanged }) });
      onDone();
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details as { problems?: Problem[] } | undefined)?.problems : undefined;
      setOutcome(problems ? { problems, message: (e as Error).message } : { error: errorText(e, tc) });
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} style={{ maxWidth: 640, marginTop: 16 }} data-testid="powers-import">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('admin.import')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.importHelp')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <input type="file" aria-label={t('admin.import')} accept=".csv,.xlsx" onChange={(e) => setFile(e.target.files?.[0])} />
        <Form.Item name="reason" label={t('admin.reason')} rules={[{ required: true, min: 2, message: t('admin.reason') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="basis" label={t('admin.basis')} rules={[{ required: true, min: 2, message: t('admin.basis') }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit" disabled={!file}>
          {t('admin.import')}
        </Button>
        {outcome && 'ok' in outcome && <Alert type="success" title={outcome.ok} />}
        {outcome && 'error' in outcome && <Alert type="error" title={outcome.error} />}
        {outcome && 'problems' in outcome && (
          <Alert type="error" title={`${t('admin.problems')} ${outcome.message}`} description={<List size="small" dataSource={outcome.problems} renderItem={(p) => <List.Item>{`${p.line} · ${p.field}：${p.message}`}</List.Item>} />} />
        )}
      </Space>
    </Form>
  );
}
