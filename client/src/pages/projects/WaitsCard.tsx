import { App, Button, Card, Input, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLARED_WAIT_KINDS, type DeclaredWaitKind } from '../../../../workflows/projectStages';
import { declareWait, endWait, type ProjectPage } from '../../api/projects';
import { errorText } from '../../components/ErrorState';
import { atLocal } from './projectWords';

/** The owner's declared waits (own preparation, an intermediary the owner hired, utility connection): one open at a time. */
export function WaitsCard({ page, onDone }: { page: ProjectPage; onDone: () => void }) {
  const { t } = useTranslation('projects');
  const { message } = App.useApp();
  const [kind, setKind] = useState<DeclaredWaitKind>('owner_intermediary');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const open = page.waits.find((w) => w.endedAt === null);
  const may = page.actions.includes('DECLARE_WAIT');
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
      setNote('');
      onDone();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('page.waits')} data-testid="project-waits">
      <List
        size="small"
        dataSource={page.waits}
        locale={{ emptyText: t('page.noWaits') }}
        renderItem={(w) => (
          <List.Item
            data-testid="project-wait"
            data-open={w.endedAt === null ? 'true' : 'false'}
            actions={may && w.endedAt === null ? [<Button key="e" size="small" loading={busy} onClick={() => void run(() => endWait(page.project.code, w.id))} data-testid="project-wait-end">{t('page.end')}</Button>] : []}
          >
            <Space wrap>
              <Tag color={w.endedAt === null ? 'processing' : 'default'}>{w.endedAt === null ? t('page.waitOpen') : t('page.waitEnded')}</Tag>
              <span>{t(`waitKind.${w.kind}`)}</span>
              <span>{w.note}</span>
              <span>
                {atLocal(w.startedAt)}
                {w.endedAt ? ` – ${atLocal(w.endedAt)}` : ''}
              </span>
            </Space>
          </List.Item>
        )}
      />
      {may && !open && (
        <Space wrap style={{ marginTop: 12 }}>
          <Select<DeclaredWaitKind> value={kind} onChange={setKind} style={{ width: 260 }} aria-label={t('page.kind')} options={DECLARED_WAIT_KINDS.map((k) => ({ value: k, label: t(`waitKind.${k}`) }))} data-testid="project-wait-kind" />
          <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('page.note')} aria-label={t('page.note')} maxLength={500} style={{ width: 260 }} data-testid="project-wait-note" />
          <Button type="primary" loading={busy} disabled={note.trim().length < 2} onClick={() => void run(() => declareWait(page.project.code, { kind, note: note.trim() }))} data-testid="project-wait-declare">
            {t('page.declare')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
