import { Card, Empty, List, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEventView, Level } from '../api/types';
import { opinionSource, type OpinionSource } from '../../../workflows/urging';
import { formatTime } from './format';
import { useJurisdictionNames } from './jurisdictionNames';

const OPINION_EVENTS = new Set(['ACCEPT', 'FORWARD', 'RETURN', 'REQUEST_MATERIALS', 'START_SPECIAL', 'END_SPECIAL', 'EXTEND', 'AMEND', 'URGE', 'URGE_REPLY', 'APPROVE', 'DENY', 'REFUSE']);
const SOURCES: OpinionSource[] = ['upper', 'same', 'lower'];

/**
 * Every opinion on the file, grouped by where it came from as the viewing
 * desk sees it: 上级 (a level above, e.g. a return's reason), 本级 and 下级.
 * A supervisor's urging counts from the supervisor's level, not the desk's.
 */
export function OpinionsPanel({ events, viewerLevel }: { events: CaseEventView[]; viewerLevel: Level }) {
  const { t, i18n } = useTranslation(['desk', 'common']);
  const opinions = events.filter((e) => e.opinion && OPINION_EVENTS.has(e.type) && e.level);
  const names = useJurisdictionNames(opinions.map((e) => e.jurisdictionCode).filter((x): x is string => !!x), i18n.language === 'en');
  const fromLevel = (e: CaseEventView) => ((e.payload as { byLevel?: Level } | null)?.byLevel ?? e.level) as Level;
  const groups = Object.fromEntries(SOURCES.map((s) => [s, opinions.filter((e) => opinionSource(fromLevel(e), viewerLevel) === s)])) as Record<OpinionSource, CaseEventView[]>;
  const list = (items: CaseEventView[]) =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noOpinions')} />
    ) : (
      <List
        size="small"
        dataSource={[...items].reverse()}
        renderItem={(e) => (
          <List.Item data-testid="opinion" data-type={e.type}>
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
    );
  return (
    <Card size="small" title={t('opinions.title')} data-testid="opinions-panel">
      <Tabs
        size="small"
        defaultActiveKey={groups.upper.length ? 'upper' : 'lower'}
        items={SOURCES.map((s) => ({ key: s, label: `${t(`opinions.${s}`)} (${groups[s].length})`, children: list(groups[s]) }))}
      />
    </Card>
  );
}
