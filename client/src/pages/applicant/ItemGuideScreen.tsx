import { Alert, Button, Card, Descriptions, Grid, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/http';
import { departmentName, loadDepartments } from '../../api/reference';
import type { ItemGuide } from '../../api/commitments';
import { ProofList } from '../commitments/ProofList';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { GuideWords } from './GuideWords';
import type { CertificateKindView } from '../../api/certificates';
import { GuideCertificates } from '../certificates/GuideCertificates';
import { GuidePower, type GuidePowerView } from '../powers/GuidePower';
import { GuideMarketServices, type GuideMarketService } from '../market/GuideMarketServices';

/** An item's guide: what to bring, what it costs, how long it takes, and which levels handle it. */
export function ItemGuideScreen() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const en = i18n.language === 'en';
  const screens = Grid.useBreakpoint();
  const item = useAsync(() => api<ItemGuide & GuidePowerView & { certificates?: CertificateKindView[]; marketServices?: GuideMarketService[] }>('GET', `/api/items/${encodeURIComponent(code)}`), [code]);
  const deps = useAsync(loadDepartments, []);
  if (item.error) return <ErrorState error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Card loading />;
  const it = item.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {it.name}
      </Typography.Title>
      <Space wrap>
        {it.linked && <Tag color="purple">{t('catalogue.linked')}</Tag>}
        {it.online && <Tag color="green">{t('catalogue.online')}</Tag>}
        {it.eLicencePilot && (
          <Tag color="blue" title={t('licenceOps:pilotHelp')} data-testid="e-licence-pilot">
            {t('licenceOps:pilot')}
          </Tag>
        )}
        <Link to={`/items/${it.code}/file`}>
          <Button type="primary" size="large">
            {t('guide.apply')}
          </Button>
        </Link>
      </Space>
      <Alert type="info" showIcon data-testid="guide-promise" title={t('common:promise.limit', { n: it.promisedDays })} />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('guide.code')}>{it.code}</Descriptions.Item>
          <Descriptions.Item label={t('guide.type')}>{it.type}</Descriptions.Item>
          <Descriptions.Item label={t('guide.department')}>{departmentName(deps.data, it.department, en)}</Descriptions.Item>
          <Descriptions.Item label={t('guide.decideLevel')}>{t(`common:levelFull.${it.decideLevel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('parties.takes')}>{it.applicantTypes.map((ty) => t(`parties.${ty}`)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('guide.acceptLevels')}>{it.acceptLevels.map((l) => t(`common:level.${l}`)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('guide.statutory')}>{t('common:days', { n: it.statutoryDays })}</Descriptions.Item>
          <Descriptions.Item label={t('guide.promised')}>{t('common:days', { n: it.promisedDays })}</Descriptions.Item>
          <Descriptions.Item label={t('guide.fee')}>{it.feeYuan > 0 ? t('common:yuan', { n: it.feeYuan }) : t('common:free')}</Descriptions.Item>
          <Descriptions.Item label={t('guide.visits')}>{t('guide.visitsN', { n: it.visits })}</Descriptions.Item>
          <Descriptions.Item label={t('guide.result')}>{it.result}</Descriptions.Item>
          {it.intermediaries.length > 0 && <Descriptions.Item label={t('guide.intermediaries')}>{it.intermediaries.join('、')}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <GuidePower item={it} />
      <Card size="small" title={t('guide.route')}>
        <Steps
          size="small"
          orientation={screens.md ? 'horizontal' : 'vertical'}
          current={-1}
          items={it.route.map((s) => ({ title: t(`common:level.${s.level}`), content: `${t(`common:stepKind.${s.kind}`)} · ${t('common:days', { n: s.limitDays })}` }))}
        />
      </Card>
      <Card size="small" title={t('guide.materials')}>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={it.materials}
          columns={[
            { title: t('guide.materialName'), dataIndex: 'name' },
            { title: t('guide.required'), dataIndex: 'required', width: 90, render: (r: boolean) => (r ? <Tag color="red">{t('guide.requiredYes')}</Tag> : t('guide.requiredNo')) },
            { title: t('guide.deferrable'), dataIndex: 'deferrable', width: 120, responsive: ['sm'], render: (d: boolean) => (d ? t('guide.deferrableYes') : '') },
          ]}
        />
      </Card>
      <ProofList proofs={it.proofs ?? []} />
      <GuideCertificates kinds={it.certificates} />
      <GuideMarketServices services={it.marketServices} />
      <GuideWords item={it} />
    </Space>
  );
}
