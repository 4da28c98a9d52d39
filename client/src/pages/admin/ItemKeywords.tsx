import { App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import type { ItemView } from '../../api/types';
import { errorText } from '../../components/ErrorState';

/** The administrator's editor of an item's everyday words: saving writes a new version of the item (PUT /api/items/:code/keywords). */
export function ItemKeywords({ item }: { item: ItemView }) {
  const { t } = useTranslation('admin');
  const { t: tAll } = useTranslation();
  const { message } = App.useApp();
  const [words, setWords] = useState<string[]>(item.keywords);
  const [version, setVersion] = useState(item.version);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api<ItemView>('PUT', `/api/items/${encodeURIComponent(item.code)}/keywords`, { body: { keywords: words } });
      setWords(saved.keywords);
      setVersion(saved.version);
      void message.success(t('item.keywordsSaved', { v: saved.version }));
    } catch (e) {
      void message.error(errorText(e, tAll));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={t('item.keywords')} data-testid="item-keywords" data-version={version}>
      <Typography.Title level={5}>{t('item.keywords')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('item.keywordsHelp')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Select mode="tags" value={words} onChange={setWords} style={{ width: '100%' }} aria-label={t('item.keywords')} tokenSeparators={['，', ',', '、']} open={false} />
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="keywords-save">
          {t('item.keywordsSave')}
        </Button>
      </Space.Compact>
    </section>
  );
}
