import { Card, Descriptions, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types';

/** The applicant and the materials checklist: what the guide asks for against what was handed in. */
export function CaseFile({ c, itemMaterials }: { c: CaseView; itemMaterials: { name: string; required: boolean }[] }) {
  const { t } = useTranslation(['desk', 'common']);
  const extra = c.materials.filter((m) => !itemMaterials.some((i) => i.name === m));
  return (
    <Card size="small" title={t('case.file')}>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('case.applicant')}>{c.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('case.idNumber')}>{c.applicant.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t('case.phone')}>{c.applicant.phone}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        header={<strong>{t('case.checklist')}</strong>}
        dataSource={[...itemMaterials.map((m) => ({ name: m.name, required: m.required })), ...extra.map((name) => ({ name, required: false }))]}
        renderItem={(m) => {
          const has = c.materials.includes(m.name);
          return (
            <List.Item data-testid="checklist-item" data-submitted={has}>
              <span>
                {m.name} {m.required && <Tag>{t('case.required')}</Tag>}
              </span>
              <Tag color={has ? 'success' : m.required ? 'error' : 'default'}>{has ? t('case.submittedYes') : t('case.submittedNo')}</Tag>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
