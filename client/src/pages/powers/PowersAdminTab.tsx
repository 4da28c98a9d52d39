import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { exportPowers, listVersions, openDraft, publishDraft } from '../../api/powers';
import { errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { AdjustForm } from './AdjustForm';
import { PowerImport } from './PowerImport';

/**
 * The administrator's power lists: pick a list, open its draft, adjust it with
 * reasons, import into it, export any version, publish the draft. Every figure
 * is the server's (counted from the rows after each step).
 */
export function PowersAdminTab() {
  const { t } = useTranslation('powers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const all = useAsync(() => listVersions(), []);
  const [list, setList] = useState('330300000000');
  const [failure, setFailure] = useState<string>();
  const versions = useMemo(() => (all.data?.versions ?? []).filter((v) => v.list.jurisdiction === list), [all.data, list]);
  const lists = useMemo(() => [...new Map((all.data?.versions ?? []).map((v) => [v.list.jurisdiction, v.list.place])).entries()], [all.data]);
  const draft = versions.find((v) => v.state === 'draft');
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setFailure(undefined);
    try {
      await work();
      if (done) message.success(done);
      await all.reload();
    } catch (e) {
      setFailure(e instanceof ApiError ? `${e.code}: ${e.message}` : errorText(e, tc));
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="powers-admin">
      <Space wrap>
        <Typography.Text>{t('admin.list')}</Typography.Text>
        <Select aria-label={t('admin.list')} showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 200 }} value={list} onChange={setList} options={lists.map(([code, place]) => ({ value: code, label: place }))} />
        {versions.map((v) => (
          <Button key={v.id} size="small" onClick={() => run(() => exportPowers(v.id, 'xlsx'))}>
            {t('admin.export')} {v.name}
          </Button>
        ))}
      </Space>
      {failure && <Alert type="error" title={failure} data-testid="powers-admin-error" />}
      {draft ? (
        <Card size="small" title={`${t('admin.draft')}：${draft.name}`} data-testid="powers-draft">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('admin.figures', { entries: draft.entries, departments: draft.departments })}>{t('versions.totals', { level: draft.list.place, reviewed: draft.reviewed, published: draft.entries, cut: draft.cut, percent: draft.cutPercent })}</Descriptions.Item>
          </Descriptions>
          <AdjustForm versionId={draft.id} onDone={() => run(async () => undefined, t('admin.adjusted'))} onError={(e) => setFailure(e)} />
          <PowerImport versionId={draft.id} onDone={() => all.reload()} />
          <Button type="primary" danger style={{ marginTop: 12 }} onClick={() => run(() => publishDraft(draft.id), t('admin.published'))}>
            {t('admin.publish')}
          </Button>
        </Card>
      ) : (
        <Card size="small" title={t('admin.noDraft')}>
          <Form layout="inline" style={{ rowGap: 8 }} onFinish={(v: { name: string; document?: string }) => run(() => openDraft(list, v.name, v.document))}>
            <Form.Item name="name" label={t('admin.draftName')} rules={[{ required: true, min: 2, message: t('admin.draftName') }]}>
              <Input style={{ minWidth: 240 }} />
            </Form.Item>
            <Form.Item name="document" label={t('admin.document')}>
              <Input style={{ minWidth: 200 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('admin.open')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
    </Space>
  );
}
