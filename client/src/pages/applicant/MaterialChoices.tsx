import { CheckCircleTwoTone, PaperClipOutlined } from '@ant-design/icons';
import { Button, Checkbox, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_FILES } from '../../api/files';

export type ChosenFiles = Record<string, File>;

interface Props {
  materials: { name: string; required: boolean }[];
  /** The ticked materials (the form's `materials` field). */
  value?: string[];
  onChange?: (v: string[]) => void;
  files: ChosenFiles;
  onFiles: (f: ChosenFiles) => void;
}

/** One material's file: chosen now, sent once the case is filed. */
function FileChoice({ material, file, onChoose }: { material: string; file: File | undefined; onChoose: (f: File | null) => void }) {
  const { t } = useTranslation('files');
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space size={4} wrap>
      <input
        ref={input}
        type="file"
        accept={ACCEPT_FILES}
        hidden
        data-testid="filing-file-input"
        data-material={material}
        aria-label={t('filing.choose')}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) onChoose(f);
        }}
      />
      <Button size="small" icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
        {t('filing.choose')}
        <span className="visually-hidden">{t('upload.for', { material })}</span>
      </Button>
      {file && (
        <>
          <Typography.Text data-testid="filing-file-chosen" data-material={material}>
            <CheckCircleTwoTone twoToneColor="#389e0d" /> {t('filing.chosen', { name: file.name })}
          </Typography.Text>
          <Button size="small" type="link" onClick={() => onChoose(null)}>
            {t('filing.remove')}
          </Button>
        </>
      )}
    </Space>
  );
}

/**
 * The materials checklist of the filing form, each with a file to send: a
 * file chosen for a material ticks it; the files are uploaded once the case
 * exists (FiledUploads), so a refused file never loses the filing.
 */
export function MaterialChoices({ materials, value = [], onChange, files, onFiles }: Props) {
  const { t } = useTranslation(['applicant', 'files']);
  const choose = (name: string, f: File | null) => {
    const next = { ...files };
    if (f) next[name] = f;
    else delete next[name];
    onFiles(next);
    if (f && !value.includes(name)) onChange?.([...value, name]);
  };
  return (
    <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} style={{ width: '100%' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {materials.map((m) => (
          <div key={m.name} data-testid="filing-material" data-material={m.name}>
            <Checkbox value={m.name}>
              {m.name}
              {!m.required && <Typography.Text type="secondary">（{t('guide.requiredNo')}）</Typography.Text>}
            </Checkbox>
            <div style={{ paddingInlineStart: 24 }}>
              <FileChoice material={m.name} file={files[m.name]} onChoose={(f) => choose(m.name, f)} />
            </div>
          </div>
        ))}
      </Space>
    </Checkbox.Group>
  );
}
