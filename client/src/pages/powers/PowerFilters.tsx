import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerFilters as Filters } from '../../api/powers';
import { POWER_TYPES } from '../../../../workflows/powerTypes';

interface Props {
  value: Filters;
  counties: { code: string; name: string }[];
  departments: { id: number; name: string; count: number }[];
  onChange: (f: Filters) => void;
}

/** The list's filters: city or counties (and which county), type, implementing body, words; wraps on a phone. */
export function PowerFilters({ value, counties, departments, onChange }: Props) {
  const { t } = useTranslation('powers');
  const [form] = Form.useForm<{ q?: string }>();
  const set = (patch: Partial<Filters>) => onChange({ ...value, department: undefined, ...patch });
  return (
    <Form form={form} layout="inline" onFinish={(v) => onChange({ ...value, q: v.q?.trim() || undefined })} style={{ rowGap: 8 }} initialValues={{ q: value.q }}>
      <Form.Item label={t('filters.level')}>
        <Select
          aria-label={t('filters.level')}
          style={{ minWidth: 96 }}
          value={value.level ?? 'city'}
          onChange={(level) => set({ level, jurisdiction: undefined })}
          options={[{ value: 'city', label: t('filters.city') }, { value: 'county', label: t('filters.county') }]}
        />
      </Form.Item>
      {value.level === 'county' && (
        <Form.Item label={t('filters.jurisdiction')}>
          <Select aria-label={t('filters.jurisdiction')} style={{ minWidth: 140 }} value={value.jurisdiction ?? ''} onChange={(j) => set({ jurisdiction: j || undefined })} options={[{ value: '', label: t('filters.allJurisdictions') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]} />
        </Form.Item>
      )}
      <Form.Item label={t('filters.type')}>
        <Select aria-label={t('filters.type')} style={{ minWidth: 140 }} value={value.type ?? ''} onChange={(ty) => set({ type: ty || undefined })} options={[{ value: '', label: t('filters.allTypes') }, ...POWER_TYPES.map((p) => ({ value: p, label: p }))]} />
      </Form.Item>
      <Form.Item label={t('filters.department')}>
        <Select
          aria-label={t('filters.department')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          value={value.department ?? 0}
          onChange={(d) => onChange({ ...value, department: d || undefined })}
          options={[{ value: 0, label: t('filters.allDepartments') }, ...departments.map((d) => ({ value: d.id, label: `${d.name}（${d.count}）` }))]}
        />
      </Form.Item>
      <Form.Item name="q" label={t('filters.q')}>
        <Input allowClear style={{ minWidth: 180 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('filters.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
