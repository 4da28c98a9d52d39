import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/http';
import type { ImportProblem } from '../../api/types';
import { errorText } from '../../components/ErrorState';

// The first row of docs/examples/items.csv (documented in docs/catalogue-csv.md), as a starting point.
const EXAMPLE = [
  'code,name,type,department,decide_level,accept_levels,statutory_days,promised_days,fee_yuan,online,visits,materials,intermediaries,result,route',
  '330302-XK-0101,小餐饮经营登记（新办）,行政许可,market,county,village|town,20,7,0,true,1,小餐饮经营登记申请表!;申请人身份证明!;经营场所使用证明!~;从业人员健康证明!~;授权委托书,,小餐饮经营登记证,accept@village;review@town:market;decide@county:market;issue@county:market;deliver@village',
].join('\n');
// A byte-order mark so that Excel on Chinese Windows opens it as UTF-8.
const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${EXAMPLE}\n`)}`;

type Outcome = { kind: 'done'; imported: number } | { kind: 'problems'; message: string; problems: ImportProblem[] } | { kind: 'error'; error: unknown };

function problemsOf(e: unknown): ImportProblem[] | undefined {
  if (!(e instanceof ApiError)) return undefined;
  const list = (e.details as { problems?: ImportProblem[] } | undefined)?.problems;
  return Array.isArray(list) ? list : undefined;
}

/** Catalogue import: a file or pasted text, sent as text/csv; all or nothing, with the problems listed by line. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const submit = async () => {
    if (!csv.trim()) {
      setOutcome({ kind: 'error', error: new Error(t('import.empty')) });
      return;
    }
    setBusy(true);
    try {
      const r = await api<{ imported: number }>('POST', '/api/items/import', { text: { body: csv, type: 'text/csv' } });
      setOutcome({ kind: 'done', imported: r.imported });
      message.success(t('import.done', { n: r.imported }));
      onImported();
    } catch (e) {
      const problems = problemsOf(e);
      setOutcome(problems ? { kind: 'problems', message: (e as Error).message, problems } : { kind: 'error', error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('import.help')}{' '}
        <a href={EXAMPLE_HREF} download="items-example.csv" style={{ textDecoration: 'underline' }}>
          {t('import.example')}
        </a>
      </Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            // Read in the browser: the server takes the CSV as the request body, not as a multipart upload.
            void file.text().then((text) => {
              setCsv(text);
              setOutcome(undefined);
              message.info(t('import.fileLoaded', { name: file.name }));
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('import.pick')}</Button>
        </Upload>
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {t('import.submit')}
        </Button>
        <Button onClick={() => { setCsv(''); setOutcome(undefined); }} disabled={busy}>
          {t('import.clear')}
        </Button>
      </Space>
      <Input.TextArea
        aria-label={t('import.paste')}
        placeholder={t('import.placeholder')}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 12 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace' }}
      />
      {outcome?.kind === 'done' ? <Alert type="success" showIcon title={t('import.done', { n: outcome.imported })} /> : null}
      {outcome?.kind === 'error' ? <Alert type="error" showIcon role="alert" title={errorText(outcome.error, tc)} /> : null}
      {outcome?.kind === 'problems' ? (
        <>
          <Alert type="error" showIcon role="alert" title={t('import.failed', { n: outcome.problems.length })} description={outcome.message} />
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.line}:${p.field}:${p.message}`}
            dataSource={outcome.problems}
            pagination={outcome.problems.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 80 },
              { title: t('import.field'), dataIndex: 'field', width: 150 },
              { title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}
