import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTransferUnits } from '../../api/transfers';
import { useAsync } from '../../components/useAsync';

export interface Choice {
  name: 'unit' | 'category' | 'kind' | 'state';
  options: string[];
  /** The i18n prefix of the options' words (category, serviceCategory, kind, state). */
  words?: string;
}

/** The filters of a directory tab: a unit or a kind, a category, words; applied on Search (or Enter). */
export function Filters({ choices, onSearch }: { choices: Choice[]; onSearch: (q: Record<string, string | undefined>) => void }) {
  const { t } = useTranslation('transfers');
  const [values, setValues] = useState<Record<string, string | undefined>>({});
  const needsUnits = choices.some((c) => c.name === 'unit');
  const units = useAsync(() => (needsUnits ? listTransferUnits() : Promise.resolve({ units: [], total: 0 })), [needsUnits]);
  const set = (k: string, v: string | undefined) => setValues((x) => ({ ...x, [k]: v || undefined }));
  return (
    <Space wrap>
      {choices.map((c) => (
        <Select
          key={c.name}
          allowClear
          showSearch={c.name === 'unit'}
          optionFilterProp="label"
          aria-label={t(`filter.${c.name}`)}
          placeholder={t(`filter.${c.name}`)}
          style={{ minWidth: 180 }}
          value={values[c.name]}
          onChange={(v) => set(c.name, v)}
          options={c.name === 'unit' ? (units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name })) : c.options.map((o) => ({ value: o, label: t(`${c.words}.${o}`) }))}
          data-testid={`filter-${c.name}`}
        />
      ))}
      <Input.Search
        allowClear
        aria-label={t('filter.q')}
        placeholder={t('filter.q')}
        style={{ width: 220 }}
        onChange={(e) => set('q', e.target.value.trim())}
        onSearch={() => onSearch(values)}
        data-testid="filter-q"
      />
      <Button onClick={() => onSearch(values)} data-testid="filter-apply">{t('filter.search')}</Button>
    </Space>
  );
}
