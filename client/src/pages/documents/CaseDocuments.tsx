import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDocument, listCaseDocuments, type CaseDocument } from '../../api/documents';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

interface Props {
  caseNo: string;
  /** An applicant without an account: the case's query code (their receipt then carries it). */
  queryCode: string | null;
  /** The case's last event: a step that writes a document is one, so the list is fetched again. */
  lastSeq: number;
}

/**
 * 办件文书: every official document of the case (收件回执, 受理通知书, 补正材料通知书,
 * the decision, 送达回证) with its 文号 and date, each downloadable as its signed PDF.
 */
export function CaseDocuments({ caseNo, queryCode, lastSeq }: Props) {
  const { t, i18n } = useTranslation('documents');
  const { message } = App.useApp();
  const docs = useAsync(() => listCaseDocuments(caseNo, { queryCode }), [caseNo, queryCode, lastSeq]);
  const [saving, setSaving] = useState<number | null>(null);
  const en = i18n.language === 'en';

  const download = async (d: CaseDocument) => {
    setSaving(d.id);
    try {
      await downloadDocument(caseNo, d, { queryCode });
      message.success(t('downloaded', { title: d.title }));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card size="small" title={t('title')} data-testid="case-documents" data-count={docs.data?.length ?? ''}>
      {docs.error && <ErrorState error={docs.error} onRetry={docs.reload} />}
      <List
        size="small"
        dataSource={docs.data ?? []}
        loading={!docs.data && !docs.error}
        locale={{ emptyText: t('empty') }}
        renderItem={(d) => (
          <List.Item
            key={d.id}
            data-testid="case-document"
            data-kind={d.kind}
            actions={[
              <Button key="pdf" size="small" type="link" icon={<DownloadOutlined />} loading={saving === d.id} onClick={() => void download(d)} data-testid="document-download" aria-label={t('downloadOf', { title: d.title })}>
                {t('download')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={0}>
              <Space size={6}>
                <FileTextOutlined aria-hidden />
                {/* The document is issued in Chinese; in English its kind is said first. */}
                {en && <Typography.Text strong>{t(`kind.${d.kind}`)}</Typography.Text>}
                <Typography.Text strong={!en} lang="zh-CN" data-testid="document-title">
                  {d.title}
                </Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('docNo')}：<span data-testid="document-no">{d.docNo}</span> · {t('issuedOn')}：{d.issuedOn}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
