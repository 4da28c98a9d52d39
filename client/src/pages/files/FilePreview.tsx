import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCaseFiles, type FileView } from '../../api/files';
import { ErrorState } from '../../components/ErrorState';
import { isImage } from './fileWords';

interface Props {
  caseNo: string;
  queryCode: string | null;
  /** The file to show; null while closed. */
  file: FileView | null;
  onClose: () => void;
}

/**
 * A material shown in the page: a PDF in a frame, an image as itself. The
 * list is fetched again on opening, so the link used is a fresh one (links
 * lapse after a few minutes), and the opening is logged as the viewer's.
 */
export function FilePreview({ caseNo, queryCode, file, onClose }: Props) {
  const { t } = useTranslation('files');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [gone, setGone] = useState(false);
  const id = file?.id;
  useEffect(() => {
    setUrl(null);
    setError(null);
    setGone(false);
    if (!id) return;
    let live = true;
    listCaseFiles(caseNo, { queryCode }).then(
      (list) => {
        if (!live) return;
        const fresh = list.materials.flatMap((m) => m.files).find((f) => f.id === id);
        if (fresh?.previewUrl) setUrl(fresh.previewUrl);
        else setGone(true);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [caseNo, queryCode, id]);

  const title = file ? t('file.previewTitle', { material: file.material, name: file.name }) : '';
  return (
    <Modal
      open={!!file}
      title={title}
      onCancel={onClose}
      width="min(960px, 96vw)"
      centered
      destroyOnHidden
      footer={
        url ? (
          <Button href={url} target="_blank" rel="noopener">
            {t('file.openNew')}
          </Button>
        ) : null
      }
    >
      <div data-testid="file-preview-body" style={{ minHeight: 200 }}>
        {error ? <ErrorState error={error} /> : null}
        {gone && <Alert type="warning" showIcon title={t('file.gone')} />}
        {!url && !error && !gone && <Spin />}
        {url && file && (isImage(file.mediaType) ? (
          <img src={url} alt={title} data-testid="preview-image" style={{ maxWidth: '100%', maxHeight: '75vh', display: 'block', margin: '0 auto' }} />
        ) : (
          <iframe src={url} title={t('file.previewFrame', { name: file.name })} data-testid="preview-frame" style={{ width: '100%', height: '75vh', border: 0 }} />
        ))}
      </div>
    </Modal>
  );
}
