import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Grid, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_FILES, uploadCaseFile, type FileView } from '../../api/files';

interface Props {
  caseNo: string;
  material: string;
  queryCode: string | null;
  /** The stored file, and the case version its ATTACH_FILE made. */
  onUploaded: (file: FileView, version: number) => void;
  onFailed: (error: unknown, name: string) => void;
}

/**
 * Adds a file to one material: a file picker for scans and PDFs, and on a
 * phone a camera button as well (a photo of the paper is the usual way).
 * The server checks what the file really is; its refusal is shown by the caller.
 */
export function UploadButton({ caseNo, material, queryCode, onUploaded, onFailed }: Props) {
  const { t } = useTranslation('files');
  const phone = !Grid.useBreakpoint().md;
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  // Which material a button is for, said to screen readers only (the row already shows it); the hidden inputs are never focused.
  const forWhat = <span className="visually-hidden">{t('upload.for', { material })}</span>;

  const send = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after a refusal, say) is a change again.
    input.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const res = await uploadCaseFile(caseNo, material, file, { queryCode });
      onUploaded(res.file, res.version);
    } catch (e) {
      onFailed(e, file.name);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size="small" wrap className="no-print">
      <input ref={picker} type="file" accept={ACCEPT_FILES} hidden onChange={(e) => void send(e.currentTarget)} data-testid="upload-input" aria-label={t('upload.button')} />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => picker.current?.click()} data-testid="upload-button">
        {t('upload.button')}
        {forWhat}
      </Button>
      {phone && (
        <>
          <input ref={camera} type="file" accept="image/jpeg,image/png" capture="environment" hidden onChange={(e) => void send(e.currentTarget)} data-testid="camera-input" aria-label={t('upload.camera')} />
          <Button size="small" icon={<CameraOutlined />} disabled={busy} onClick={() => camera.current?.click()}>
            {t('upload.camera')}
            {forWhat}
          </Button>
        </>
      )}
    </Space>
  );
}
