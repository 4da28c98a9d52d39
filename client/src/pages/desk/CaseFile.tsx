import { Card, Descriptions, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEventView, CaseView } from '../../api/types';
import { formatTime } from '../../components/format';
import { useJurisdictionNames } from '../../components/jurisdictionNames';

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

const OPINION_EVENTS = new Set(['ACCEPT', 'FORWARD', 'RETURN', 'REQUEST_MATERIALS', 'START_SPECIAL', 'END_SPECIAL', 'EXTEND']);

/** What each level said on the way up: the reviewer reads these before adding theirs. */
export function LowerOpinions({ events }: { events: CaseEventView[] }) {
  const { t, i18n } = useTranslation(['desk', 'common']);
  const opinions = events.filter((e) => e.opinion && OPINION_EVENTS.has(e.type));
  const names = useJurisdictionNames(opinions.map((e) => e.jurisdictionCode).filter((x): x is string => !!x), i18n.language === 'en');
  return (
    <Card size="small" title={t('case.lowerOpinions')}>
      {opinions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noOpinions')} />
      ) : (
        <List
          size="small"
          dataSource={opinions}
          renderItem={(e) => (
            <List.Item data-testid="lower-opinion">
              <List.Item.Meta
                title={
                  <span>
                    {e.level && <Tag color="blue">{t(`common:level.${e.level}`)}</Tag>}
                    {e.jurisdictionCode && names[e.jurisdictionCode]} · {t(`common:event.${e.type}`)} · {e.actor.name}
                  </span>
                }
                description={
                  <>
                    <div>{e.opinion}</div>
                    <small>{formatTime(e.at)}</small>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
