import { DownloadOutlined, EyeOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../api/files';
import { formatTime } from '../../components/format';
import { formatSize, typeKey } from './fileWords';

interface Props {
  file: FileView;
  onPreview: (f: FileView) => void;
  /** Opens the download with a link fresh enough to work (the list's links lapse). */
  onDownload: (f: FileView) => void;
}

/** One file of a material: name, size, kind, who added it and when; preview and download. */
export function FileItem({ file, onPreview, onDownload }: Props) {
  const { t } = useTranslation(['files', 'common']);
  // The role, and the name of staff (an applicant's own name is not repeated to them).
  const role = t(`common:role.${file.uploadedBy.role}`);
  const who = file.uploadedBy.role === 'applicant' ? role : `${role} ${file.uploadedBy.name}`;
  return (
    <div className="material-file" data-testid="material-file" data-file-id={file.id} data-media-type={file.mediaType}>
      <Space wrap size={[8, 2]} align="center">
        <FileOutlined aria-hidden />
        <Typography.Text strong data-testid="file-name">
          {file.name}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t(typeKey(file.mediaType))} · {formatSize(file.size)}
        </Typography.Text>
        {file.source === 'reference' && <Tag>{t('file.reference')}</Tag>}
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('file.by', { who })} · {formatTime(file.uploadedAt)}
        </Typography.Text>
      </div>
      <Space size="small" className="no-print">
        {file.previewUrl && (
          <Button size="small" icon={<EyeOutlined />} onClick={() => onPreview(file)} data-testid="file-preview" aria-label={`${t('file.preview')} ${file.name}`}>
            {t('file.preview')}
          </Button>
        )}
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          href={file.downloadUrl}
          onClick={(e) => {
            e.preventDefault();
            onDownload(file);
          }}
          data-testid="file-download"
          aria-label={`${t('file.download')} ${file.name}`}
        >
          {t('file.download')}
        </Button>
      </Space>
    </div>
  );
}
