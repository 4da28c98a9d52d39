import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaCount, Dashboard } from '../../api/types';
import { areaDrill, type AreaKey } from './drillDown';
import { DrillLink } from './DrillLink';
import { LightTag } from '../../components/LightTag';
import { placeName } from './palette';

/** Backlog per area with its lights; the name (or the row) drills into the area. */
export function AreasTable({ areas, onDrill, drill }: { areas: AreaCount[]; onDrill: (a: AreaCount) => void; drill?: Pick<Dashboard, 'scope' | 'from'> }) {
  const { t, i18n } = useTranslation(['dashboard', 'common', 'search']);
  const en = i18n.language === 'en';
  const num = (k: AreaKey) => ({
    dataIndex: k,
    align: 'right' as const,
    sorter: (a: AreaCount, b: AreaCount) => a[k] - b[k],
    render: (n: number, a: AreaCount) => {
      const cell = <span data-testid={`area-${k}`} data-code={a.code}>{n}</span>;
      // Each number opens the list of its cases (the area's name drills the dashboard into the area).
      const what = `${a.self ? t('areas.self', { name: placeName(a, en) }) : placeName(a, en)} ${k === 'open' || k === 'overdue' || k === 'filed' ? t(`areas.${k}`) : t(`common:light.${k}`)}`;
      return drill ? <DrillLink filter={areaDrill(drill, a, k)} label={t('search:drill.open_link', { what, n })}>{cell}</DrillLink> : cell;
    },
  });
  return (
    <Table<AreaCount>
      size="small"
      rowKey={(a) => (a.self ? `self-${a.code}` : a.code)}
      dataSource={areas}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('empty') }}
      onRow={(a) => ({ onClick: () => !a.self && onDrill(a), style: { cursor: a.self ? undefined : 'pointer' }, 'data-testid': 'area-row', 'data-code': a.code } as never)}
      columns={[
        {
          title: t('areas.area'),
          key: 'name',
          render: (_, a) =>
            a.self ? (
              t('areas.self', { name: placeName(a, en) })
            ) : (
              <Button type="link" size="small" style={{ padding: 0 }} aria-label={t('areas.drillTo', { name: placeName(a, en) })} onClick={(e) => (e.stopPropagation(), onDrill(a))}>
                {placeName(a, en)}
              </Button>
            ),
        },
        { title: t('areas.open'), ...num('open') },
        { title: <LightTag light="green" />, ...num('green') },
        { title: <LightTag light="yellow" />, ...num('yellow') },
        { title: <LightTag light="red" />, ...num('red') },
        { title: t('areas.overdue'), ...num('overdue') },
        { title: t('areas.filed'), ...num('filed'), responsive: ['sm'] },
      ]}
    />
  );
}
