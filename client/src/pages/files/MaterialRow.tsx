import { Alert, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileView, MaterialEntry, MaterialVerdict } from '../../api/files';
import { errorText } from '../../components/errorText';
import { FileItem } from './FileItem';
import { MarkControls } from './MarkControls';
import { MineFilesButton } from './MineFilesButton';
import { UploadButton } from './UploadButton';

export interface RowAbilities {
  upload: boolean;
  mark: boolean;
  reuse: boolean;
}

interface Props {
  caseNo: string;
  queryCode: string | null;
  entry: MaterialEntry;
  /** Named in the open 补正 notice. */
  toSupply: boolean;
  can: RowAbilities;
  marking: boolean;
  onMark: (material: string, verdict: MaterialVerdict, reason?: string) => Promise<boolean>;
  onAdded: (file: FileView, version: number) => void;
  onPreview: (f: FileView) => void;
  onDownload: (f: FileView) => void;
}

/** One material: required or not, its verdict (with the reason when 不合格), its files, and what this viewer may do to it. */
export function MaterialRow({ caseNo, queryCode, entry, toSupply, can, marking, onMark, onAdded, onPreview, onDownload }: Props) {
  const { t } = useTranslation('files');
  // The last refusal of a file for this material, in words: stays until the next try.
  const [refusal, setRefusal] = useState<string | null>(null);
  const failed = (e: unknown, name: string) => setRefusal(`${t('upload.failed', { name })}：${errorText(e, t)}`);
  const added = (f: FileView, version: number) => {
    setRefusal(null);
    onAdded(f, version);
  };
  return (
    <div className="material-row" data-testid="material" data-material={entry.name} data-verdict={entry.verdict ?? ''} data-files={entry.files.length}>
      <Space wrap size={[6, 4]} align="center">
        <Typography.Text strong>{entry.name}</Typography.Text>
        <Tag>{entry.required ? t('panel.required') : t('panel.optional')}</Tag>
        {entry.verdict && (
          <Tag color={entry.verdict === 'ok' ? 'green' : 'red'} data-testid="verdict">
            {t(`verdict.${entry.verdict}`)}
          </Tag>
        )}
        {toSupply && <Tag color="orange">{t('panel.toSupply')}</Tag>}
      </Space>
      {entry.verdict === 'bad' && entry.reason && (
        <Alert type="error" showIcon style={{ marginTop: 6 }} title={`${t('verdict.bad')}：${entry.reason}`} data-testid="verdict-reason" />
      )}
      {entry.files.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('panel.noFiles')}</Typography.Text>
        </div>
      ) : (
        entry.files.map((f) => <FileItem key={f.id} file={f} onPreview={onPreview} onDownload={onDownload} />)
      )}
      {refusal && <Alert type="error" showIcon role="alert" closable={{ onClose: () => setRefusal(null) }} style={{ marginTop: 6 }} title={refusal} data-testid="upload-error" />}
      {(can.upload || can.reuse || can.mark) && (
        <Flex wrap gap="small" align="center" style={{ marginTop: 6 }}>
          {can.upload && <UploadButton caseNo={caseNo} material={entry.name} queryCode={queryCode} onUploaded={added} onFailed={failed} />}
          {can.reuse && <MineFilesButton caseNo={caseNo} material={entry.name} onAttached={added} onFailed={failed} />}
          {can.mark && <MarkControls material={entry} busy={marking} onMark={(v, r) => onMark(entry.name, v, r)} />}
        </Flex>
      )}
    </div>
  );
}
