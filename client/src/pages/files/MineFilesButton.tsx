import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachByReference, listMyFiles, type FileView, type MyFile } from '../../api/files';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { formatSize, typeKey } from './fileWords';

interface Props {
  caseNo: string;
  material: string;
  onAttached: (file: FileView, version: number) => void;
  onFailed: (error: unknown, name: string) => void;
}

/** 从已有材料中选择: an applicant account reuses a file the platform already holds for them, instead of sending it again. */
export function MineFilesButton({ caseNo, material, onAttached, onFailed }: Props) {
  const { t } = useTranslation('files');
  const [open, setOpen] = useState(false);
  const [mine, setMine] = useState<MyFile[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const show = () => {
    setOpen(true);
    setMine(null);
    setError(null);
    listMyFiles().then(setMine, setError);
  };
  const use = async (f: MyFile) => {
    setBusy(f.id);
    try {
      const res = await attachByReference(caseNo, material, f.id);
      onAttached(res.file, res.version);
      setOpen(false);
    } catch (e) {
      onFailed(e, f.name);
      setOpen(false);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button size="small" icon={<FolderOpenOutlined />} onClick={show} className="no-print" data-testid="reuse-button">
        {t('mine.button')}
      </Button>
      <Modal open={open} title={t('mine.title', { material })} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        {error ? <ErrorState error={error} onRetry={show} /> : null}
        <List
          loading={!mine && !error}
          dataSource={(mine ?? []).filter((f) => f.caseNo !== caseNo || f.material !== material)}
          locale={{ emptyText: t('mine.empty') }}
          renderItem={(f) => (
            <List.Item
              key={f.id}
              data-testid="my-file"
              actions={[
                <Button key="use" type="primary" size="small" loading={busy === f.id} disabled={!!busy && busy !== f.id} onClick={() => void use(f)}>
                  {t('mine.use')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${f.material}：${f.name}`}
                description={
                  <Typography.Text type="secondary">
                    {'certificateId' in f ? t('certificates:file.from', { issuer: f.issuer, date: f.issuedOn }) : `${t(typeKey(f.mediaType))} · ${formatSize(f.size)} · ${t('mine.from', { caseNo: f.caseNo })} · ${formatTime(f.uploadedAt)}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
