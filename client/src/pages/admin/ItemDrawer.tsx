import { Descriptions, Drawer, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { departmentName, type Department } from '../../api/reference';
import type { ItemView } from '../../api/types';
import { ItemKeywords } from './ItemKeywords';

type Material = ItemView['materials'][number];

/** Everything about one catalogue item: the fields of the national catalogue, its materials and its route. */
export function ItemDrawer({ item, departments, onClose }: { item?: ItemView; departments?: Department[]; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const dept = (code: string | null | undefined) => departmentName(departments, code, en);
  return (
    <Drawer open={!!item} onClose={onClose} title={item ? item.name : t('item.title')} size="min(720px, 100vw)" destroyOnHidden>
      {item ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'code', label: t('catalogue.code'), children: item.code },
              { key: 'version', label: t('item.version'), children: item.version },
              { key: 'type', label: t('item.type'), children: item.type },
              { key: 'department', label: t('catalogue.department'), children: dept(item.department) },
              { key: 'decide', label: t('catalogue.decideLevel'), children: tc(`levelFull.${item.decideLevel}`) },
              { key: 'accept', label: t('item.acceptLevels'), children: item.acceptLevels.map((l) => tc(`levelFull.${l}`)).join('、') },
              { key: 'statutory', label: t('item.statutory'), children: tc('days', { n: item.statutoryDays }) },
              { key: 'promised', label: t('item.promised'), children: tc('days', { n: item.promisedDays }) },
              { key: 'fee', label: t('catalogue.fee'), children: item.feeYuan > 0 ? tc('yuan', { n: item.feeYuan.toFixed(2) }) : tc('free') },
              { key: 'online', label: t('item.online'), children: item.online ? t('catalogue.yes') : t('catalogue.no') },
              { key: 'visits', label: t('item.visits'), children: t('item.visitsValue', { n: item.visits }) },
              { key: 'linked', label: t('catalogue.linked'), children: item.linked ? <Tag color="blue">{t('catalogue.yes')}</Tag> : t('catalogue.no') },
              { key: 'result', label: t('item.result'), children: item.result || tc('none'), span: 'filled' },
              { key: 'intermediaries', label: t('item.intermediaries'), children: item.intermediaries.length ? item.intermediaries.join('、') : tc('none'), span: 'filled' },
            ]}
          />
          <ItemKeywords key={item.code} item={item} />
          <section aria-label={t('item.materials')}>
            <Typography.Title level={5}>{t('item.materials')}</Typography.Title>
            <Table<Material>
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={item.materials}
              columns={[
                { title: t('item.materials'), dataIndex: 'name' },
                {
                  title: '',
                  key: 'flags',
                  width: 180,
                  render: (_, m) => (
                    <Space size={4} wrap>
                      {m.required ? <Tag color="red">{t('item.required')}</Tag> : <Tag>{t('item.optional')}</Tag>}
                      {m.deferrable ? <Tag color="gold">{t('item.deferrable')}</Tag> : null}
                    </Space>
                  ),
                },
              ]}
            />
          </section>
          <section aria-label={t('item.route')}>
            <Typography.Title level={5}>{t('item.route')}</Typography.Title>
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              items={item.route.map((s) => ({
                title: `${tc(`stepKind.${s.kind}`)} · ${tc(`levelFull.${s.level}`)}`,
                content: [s.department ? dept(s.department) : null, t('item.stepLimit', { n: s.limitDays })].filter(Boolean).join(' · '),
              }))}
            />
          </section>
        </Space>
      ) : null}
    </Drawer>
  );
}
