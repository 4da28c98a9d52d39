import { CheckCircleTwoTone, CloseCircleTwoTone, LoadingOutlined } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadCaseFile } from '../../api/files';
import { errorText } from '../../components/errorText';
import type { ChosenFiles } from './MaterialChoices';

export interface UploadOutcome {
  material: string;
  name: string;
  /** null while sending; then '' when stored, or the refusal in words. */
  refusal: string | null;
}

/** Sends the files chosen at filing, one after another, to the case just filed; each outcome shows as it comes. */
export function useFiledUploads() {
  const { t } = useTranslation('files');
  const [outcomes, setOutcomes] = useState<UploadOutcome[]>([]);
  const run = useCallback(
    async (caseNo: string, queryCode: string | null, files: ChosenFiles) => {
      const list = Object.entries(files);
      setOutcomes(list.map(([material, f]) => ({ material, name: f.name, refusal: null })));
      for (const [i, [material, file]] of list.entries()) {
        let refusal = '';
        try {
          await uploadCaseFile(caseNo, material, file, { queryCode });
        } catch (e) {
          refusal = errorText(e, t) || String(e);
        }
        setOutcomes((o) => o.map((x, j) => (j === i ? { ...x, refusal } : x)));
      }
    },
    [t],
  );
  return { outcomes, run };
}

/** The receipt's part on the files: each one stored, or why not (the case is filed either way). */
export function FiledUploads({ outcomes }: { outcomes: UploadOutcome[] }) {
  const { t } = useTranslation('files');
  if (outcomes.length === 0) return null;
  const refused = outcomes.some((o) => o.refusal);
  return (
    <div data-testid="filed-uploads" data-done={outcomes.every((o) => o.refusal !== null)}>
      <List
        size="small"
        header={<strong>{t('filing.results')}</strong>}
        dataSource={outcomes}
        renderItem={(o) => (
          <List.Item key={o.material} data-testid="filed-upload" data-material={o.material} data-status={o.refusal === null ? 'sending' : o.refusal ? 'refused' : 'stored'}>
            <div>
              {o.refusal === null ? <LoadingOutlined aria-label={t('filing.uploading')} /> : o.refusal ? <CloseCircleTwoTone twoToneColor="#ff4d4f" /> : <CheckCircleTwoTone twoToneColor="#52c41a" />}{' '}
              <Typography.Text strong>{o.material}</Typography.Text>：{o.name}{' '}
              {o.refusal === '' && <Typography.Text>{t('filing.ok')}</Typography.Text>}
              {o.refusal && (
                <div>
                  <Typography.Text type="danger">
                    {t('filing.failed')}：{o.refusal}
                  </Typography.Text>
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
      {refused && <Alert type="warning" showIcon title={t('filing.retryHint')} />}
    </div>
  );
}
