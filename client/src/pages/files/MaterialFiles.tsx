import { App, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCaseFiles, markMaterial, type FileView, type MaterialVerdict } from '../../api/files';
import type { CaseView, UserView } from '../../api/types';
import { ErrorState, errorText } from '../../components/ErrorState';
import type { Async } from '../../components/useAsync';
import { isConflict } from '../../live/sendAction';
import { mayMark, mayReuse, mayUpload } from './filePermissions';
import { FilePreview } from './FilePreview';
import { MaterialRow } from './MaterialRow';
import { materialOfNotice } from './materialsNotice';
import { linksFresh, type LoadedFiles } from './useCaseFiles';

interface Props {
  c: CaseView;
  /** The case's files list, from useCaseFiles (the page shares it, e.g. with the 补正 form). */
  files: Async<LoadedFiles>;
  queryCode: string | null;
  viewer: UserView | null;
  /** Each case version this screen's own upload or mark made (the desk tells them from others' changes). */
  onOwnVersion?: (version: number) => void;
}

/**
 * Every material of a case with its files: previews and downloads for all
 * who may see the case; uploads, reuse and 合格/不合格 marks only where the
 * viewer may (filePermissions.ts). The same panel serves the applicant's
 * tracking page and the desk's case page.
 */
export function MaterialFiles({ c, files, queryCode, viewer, onOwnVersion }: Props) {
  const { t } = useTranslation('files');
  const { message } = App.useApp();
  const [previewing, setPreviewing] = useState<FileView | null>(null);
  const [marking, setMarking] = useState(false);
  const data = files.data;
  if (files.error && !data) return <ErrorState error={files.error} onRetry={files.reload} />;
  if (!data) return <Card size="small" loading title={t('panel.title')} />;

  const can = { upload: mayUpload(c, viewer), mark: mayMark(c, viewer), reuse: mayReuse(c, viewer) };
  const toSupply = new Set(c.state === 'awaitingMaterials' ? c.missingMaterials.map(materialOfNotice) : []);

  const mark = async (material: string, verdict: MaterialVerdict, reason?: string) => {
    setMarking(true);
    try {
      const res = await markMaterial(c.caseNo, { material, verdict, ...(reason ? { reason } : {}), expectedVersion: data.version });
      onOwnVersion?.(res.version);
      message.success(t('mark.done', { material, verdict: t(`verdict.${verdict}`) }));
      return true;
    } catch (e) {
      if (isConflict(e)) message.warning(t('mark.conflict'));
      else message.error(errorText(e, t));
      return false;
    } finally {
      setMarking(false);
      await files.reload();
    }
  };
  const added = (f: FileView, version: number) => {
    onOwnVersion?.(version);
    message.success(t('upload.done', { name: f.name }));
    void files.reload();
  };
  // A download opens with a link that still works: the list's links lapse, so an old one is fetched again.
  const download = async (f: FileView) => {
    let url = f.downloadUrl;
    if (!linksFresh(data)) {
      try {
        const list = await listCaseFiles(c.caseNo, { queryCode });
        url = list.materials.flatMap((m) => m.files).find((x) => x.id === f.id)?.downloadUrl ?? url;
      } catch (e) {
        message.error(errorText(e, t));
        return;
      }
    }
    // Saved as a download whatever the answer is: a refusal never takes the page away.
    const a = document.createElement('a');
    a.href = url;
    a.download = f.name;
    a.click();
  };

  return (
    <Card size="small" title={t('panel.title')} data-testid="material-files" data-version={data.version}>
      {can.upload && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} className="no-print">
          {viewer && viewer.role !== 'applicant' ? t('panel.counterScan') : t('panel.formats')}
        </Typography.Paragraph>
      )}
      {files.error && <ErrorState error={files.error} onRetry={files.reload} />}
      <div className="material-rows">
        {data.materials.map((m) => (
          <MaterialRow
            key={m.name}
            caseNo={c.caseNo}
            queryCode={queryCode}
            entry={m}
            toSupply={toSupply.has(m.name)}
            can={can}
            marking={marking}
            onMark={mark}
            onAdded={added}
            onPreview={setPreviewing}
            onDownload={(f) => void download(f)}
          />
        ))}
      </div>
      <FilePreview caseNo={c.caseNo} queryCode={queryCode} file={previewing} onClose={() => setPreviewing(null)} />
    </Card>
  );
}
