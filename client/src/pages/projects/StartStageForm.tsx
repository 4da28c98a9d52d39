import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startStage, uploadStageFile, type ProjectPage } from '../../api/projects';
import { errorText } from '../../components/ErrorState';

/**
 * The next stage's one form and one set of materials: materials are uploaded
 * to the stage first (each once), then one submit files every item of the
 * stage at once.
 */
export function StartStageForm({ page, onDone }: { page: ProjectPage; onDone: () => void }) {
  const { t, i18n } = useTranslation('projects');
  const { message } = App.useApp();
  const done = page.project.completedStages.length ? Math.max(...page.project.completedStages) : 0;
  const next = page.stages.find((s) => s.stage === done + 1);
  const [material, setMaterial] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!next || page.project.currentStage !== null || !page.actions.includes('START_STAGE')) return null;
  const name = i18n.language === 'en' ? next.name.en : next.name.zh;

  async function upload(file: File | undefined) {
    if (!file || !next) return;
    setBusy(true);
    try {
      await uploadStageFile(page.project.code, next.stage, material.trim() || file.name, file);
      message.success(t('start.uploaded'));
      setMaterial('');
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function submit(v: { description: string; delivery: 'pickup' | 'post' | 'electronic'; address?: string }) {
    if (!next) return;
    setBusy(true);
    try {
      const r = await startStage(page.project.code, next.stage, { ...v, expectedVersion: page.project.revision });
      message.success(t('start.started', { n: r.filed.length }));
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('start.title', { stage: next.stage, name })} data-testid="project-start-stage">
      <Typography.Paragraph type="secondary">{t('start.items', { list: next.items.map((i) => i.name).join('、') })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input placeholder={t('start.material')} aria-label={t('start.material')} value={material} onChange={(e) => setMaterial(e.target.value)} style={{ width: 220 }} data-testid="project-material" />
        <input ref={fileInput} type="file" accept=".pdf,.jpg,.jpeg,.png,.ofd" aria-label={t('start.file')} onChange={(e) => void upload(e.target.files?.[0])} data-testid="project-file" style={{ maxWidth: 260 }} />
        {busy && <UploadOutlined spin />}
      </Space>
      <Form layout="vertical" onFinish={submit} initialValues={{ delivery: 'electronic' }}>
        <Form.Item name="description" label={t('start.description')} rules={[{ required: true, whitespace: true, min: 2, message: t('register.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="project-description" />
        </Form.Item>
        <Form.Item name="delivery" label={t('start.delivery')}>
          <Select style={{ width: 200 }} aria-label={t('start.delivery')} options={(['electronic', 'pickup', 'post'] as const).map((m) => ({ value: m, label: t(`delivery.${m}`) }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) =>
            getFieldValue('delivery') === 'post' ? (
              <Form.Item name="address" label={t('field.location')} rules={[{ required: true, message: t('register.required') }]}>
                <Input maxLength={200} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="project-start-submit">
          {t('start.submit')}
        </Button>
      </Form>
    </Card>
  );
}
