import { Card, Cascader, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/http';
import type { CentreView, ItemView } from '../../api/types';
import { useAsync } from '../../components/useAsync';
import { loadCentreTree } from './centreOptions';

const KEY = 'approval.guideCentre';

function remembered(): string[] | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Where to go: the chosen centre (remembered on this device) with its address, hours and phone. */
function CentreCard({ item }: { item: ItemView }) {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const [path, setPath] = useState<string[] | undefined>(remembered);
  const tree = useAsync(() => loadCentreTree(item.acceptLevels, i18n.language === 'en'), [item.code, i18n.language]);
  const code = path?.[path.length - 1];
  const centre = useAsync(
    async () => (code ? (await api<{ centres: CentreView[] }>('GET', `/api/centres?under=${code}`)).centres.find((c) => c.code === code) : undefined),
    [code],
  );
  return (
    <Card size="small" title={t('words.centre')}>
      <Typography.Paragraph type="secondary">{t('words.centrePick')}</Typography.Paragraph>
      <Cascader
        options={tree.data}
        value={path}
        loading={tree.loading}
        style={{ width: '100%' }}
        showSearch={{ filter: (input, p) => p.some((o) => String(o.label).includes(input)) }}
        placeholder={t('file.centre')}
        aria-label={t('words.centre')}
        onChange={(v) => {
          const next = v?.map(String);
          setPath(next);
          if (next) localStorage.setItem(KEY, JSON.stringify(next));
        }}
      />
      {centre.data && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="centre-contact">
          <Descriptions.Item label={t('words.centre')}>{centre.data.name}</Descriptions.Item>
          {centre.data.address && <Descriptions.Item label={t('words.address')}>{centre.data.address}</Descriptions.Item>}
          {centre.data.hours && <Descriptions.Item label={t('words.hours')}>{centre.data.hours}</Descriptions.Item>}
          {centre.data.phone && (
            <Descriptions.Item label={t('words.phone')}>
              <a href={`tel:${centre.data.phone}`}>{centre.data.phone}</a>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

/** The guide's conditions (受理条件), legal basis (法律依据), blank forms and the centre to go to. */
export function GuideWords({ item }: { item: ItemView }) {
  const { t } = useTranslation(['applicant', 'common']);
  const list = (lines: string[], testId: string) => (
    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid={testId}>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ol>
  );
  return (
    <>
      {item.conditions.length > 0 && (
        <Card size="small" title={t('words.conditions')}>
          {list(item.conditions, 'guide-conditions')}
        </Card>
      )}
      {item.legalBasis.length > 0 && (
        <Card size="small" title={t('words.legalBasis')}>
          {list(item.legalBasis, 'guide-legal-basis')}
        </Card>
      )}
      {item.forms.length > 0 && (
        <Card size="small" title={t('words.forms')}>
          <Typography.Paragraph type="secondary">{t('words.formsHint')}</Typography.Paragraph>
          {list(item.forms, 'guide-forms')}
          <Link to={`/items/${item.code}/forms`} data-testid="blank-forms-link">
            {t('words.formsOpen')}
          </Link>
        </Card>
      )}
      <CentreCard item={item} />
    </>
  );
}
