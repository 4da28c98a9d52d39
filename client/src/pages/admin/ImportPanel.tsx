import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/http';
import type { ImportProblem } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { importLang, importMessage, renderProblem } from '../../../../workflows/importProblems';

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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Catalogue import: a file (CSV in UTF-8 or GBK as Excel saves it, or .xlsx), sent as it is for the server to
 * decode, or pasted text; all or nothing, with the problems listed by line in the UI's language.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const lang = importLang(i18n.language);
  const { message } = App.useApp();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const submit = async () => {
    if (!file && !csv.trim()) {
      setOutcome({ kind: 'error', error: new Error(t('import.empty')) });
      return;
    }
    setBusy(true);
    try {
      const body = file ? { body: file as Blob, type: /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv' } : { body: csv, type: 'text/csv; charset=utf-8' };
      const r = await api<{ imported: number }>('POST', '/api/items/import', { text: body, headers: { 'Accept-Language': lang } });
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
          accept={`.csv,text/csv,.xlsx,${XLSX_TYPE}`}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(picked) => {
            // Sent as it is (the body, not a multipart upload): the server tells GBK from UTF-8 and CSV from .xlsx.
            setFile(picked);
            setCsv('');
            setOutcome(undefined);
            message.info(t('import.fileLoaded', { name: picked.name }));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('import.pick')}</Button>
        </Upload>
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {t('import.submit')}
        </Button>
        <Button onClick={() => { setCsv(''); setFile(undefined); setOutcome(undefined); }} disabled={busy}>
          {t('import.clear')}
        </Button>
      </Space>
      {file ? (
        <Tag closable onClose={() => setFile(undefined)} aria-label={t('import.fileLoaded', { name: file.name })}>
          {file.name}
        </Tag>
      ) : null}
      <Input.TextArea
        aria-label={t('import.paste')}
        placeholder={t('import.placeholder')}
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
          setFile(undefined);
        }}
        autoSize={{ minRows: 4, maxRows: 12 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace' }}
      />
      {outcome?.kind === 'done' ? <Alert type="success" showIcon title={t('import.done', { n: outcome.imported })} /> : null}
      {outcome?.kind === 'error' ? <Alert type="error" showIcon role="alert" title={errorText(outcome.error, tc)} /> : null}
      {outcome?.kind === 'problems' ? (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.failed', { n: outcome.problems.length })}
            description={importMessage('SUMMARY', { n: outcome.problems.length, line: outcome.problems[0]?.line ?? 0 }, lang)}
          />
          <Table<ImportProblem>
            className="import-problems"
            size="small"
            rowKey={(p) => `${p.line}:${p.field}:${p.message}`}
            // Rendered here from the same table as the server's, so a language switch re-renders them.
            dataSource={outcome.problems.map((p) => renderProblem(p, lang))}
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
