import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Card, Col, Descriptions, List, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { getLicence, licencePath, type LicenceEventView } from '../../api/licenceOps';
import { verifyPath } from '../../api/licences';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { LicenceOperationForm } from './LicenceOperationForm';
import { statusColor, statusWord } from './licenceWords';

/**
 * One e-licence for its holder and the desks: its fields and status with the
 * reason, every version (延续 and 变更 issue the next), the recorded
 * operations, and, for the issuing desk, the status operations. Live: a change
 * made anywhere reloads it.
 */
export function LicenceScreen() {
  const { t, i18n } = useTranslation('licenceOps');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useUser();
  const d = useAsync(() => getLicence(id), [id]);
  const live = useStaffLive(
    {
      onLicence: (e) => {
        if (!d.data?.versions.some((v) => v.id === e.licenceId)) return;
        message.info(t('live', { op: t(`op.${e.type}`) }));
        void d.reload();
      },
    },
    user?.username ?? null,
  );
  if (d.error) return <ErrorState error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Card loading />;
  const { licence: l, versions, history } = d.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="licence-page" data-licence-id={l.id} data-revision={l.revision}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {l.name}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions size="small" column={1} styles={{ label: { width: '34%' } }}>
                <Descriptions.Item label={t('licences:field.status')}>
                  <Tag color={statusColor(l.status.code)} data-testid="licence-status">
                    {statusWord(l.status, i18n.language)}
                  </Tag>
                </Descriptions.Item>
                {l.statusNote && l.status.code !== '01' && <Descriptions.Item label={t('licences:field.status')}>{t('note', { note: l.statusNote })}</Descriptions.Item>}
                <Descriptions.Item label={t('licences:field.licenceNo')}>{l.licenceNo}</Descriptions.Item>
                <Descriptions.Item label={t('licences:field.id')}>
                  <Typography.Text copyable className="licence-id" data-testid="licence-id">
                    {l.id}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('licences:field.holder')}>
                  <span data-testid="licence-holder">{l.holder.name}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('licences:field.issuer')}>{l.issuer.name}</Descriptions.Item>
                <Descriptions.Item label={t('licences:field.issuedOn')}>{l.issuedOn}</Descriptions.Item>
                <Descriptions.Item label={t('licences:field.validity')}>{t('licences:validity', { from: l.validity.from, until: l.validity.until })}</Descriptions.Item>
              </Descriptions>
              {l.supersededBy && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="licence-superseded"
                  title={<Link to={licencePath(l.supersededBy)}>{t('supersededBy')}</Link>}
                />
              )}
              <Space wrap style={{ marginTop: 8 }}>
                <Link to={verifyPath(l.id)} data-testid="licence-verify">
                  <SafetyCertificateOutlined aria-hidden /> {t('licences:card.verify')}
                </Link>
                {l.previousLicenceId && <Link to={licencePath(l.previousLicenceId)}>{t('previous')}</Link>}
              </Space>
            </Card>
            <Card size="small" title={t('versions.title')}>
              <List
                size="small"
                dataSource={versions}
                renderItem={(v) => (
                  <List.Item key={v.id} data-testid="licence-version" data-version={v.version}>
                    <Space wrap>
                      {v.id === l.id ? <Typography.Text strong>{t('versions.version', { version: v.version })}</Typography.Text> : <Link to={licencePath(v.id)}>{t('versions.version', { version: v.version })}</Link>}
                      <Tag>{t(`state.${v.state}`)}</Tag>
                      <Typography.Text type="secondary">{t('licences:validity', { from: v.validity.from, until: v.validity.until })}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {d.data.mayOperate && <LicenceOperationForm d={d.data} onDone={(next) => (next ? navigate(licencePath(next)) : void d.reload())} />}
            <Card size="small" title={t('history.title')}>
              {history.length === 0 ? <Typography.Text type="secondary">{t('history.empty')}</Typography.Text> : <Timeline items={history.map((e) => ({ key: `${e.licenceId}-${e.seq}`, children: <HistoryEntry e={e} /> }))} />}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function HistoryEntry({ e }: { e: LicenceEventView }) {
  const { t } = useTranslation('licenceOps');
  const details = e.details as { decisionNo?: string; until?: string; holderName?: string };
  return (
    <div data-testid="licence-history-entry" data-type={e.type}>
      <Typography.Text strong>{t(`op.${e.type}`)}</Typography.Text> <Typography.Text type="secondary">{e.at.slice(0, 16)}</Typography.Text>
      <div>{e.reason}</div>
      {details.decisionNo && <div>{t('history.decisionNo', { no: details.decisionNo })}</div>}
      {details.until && <div>{t('history.until', { date: details.until })}</div>}
      {details.holderName && <div>{t('history.holderName', { name: details.holderName })}</div>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('history.by', { name: e.by.name, role: t(`common:role.${e.by.role}`) })}
      </Typography.Text>
    </div>
  );
}
