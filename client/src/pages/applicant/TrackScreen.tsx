import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import type { CaseView } from '../../api/types';
import { CaseTimeline } from '../../components/CaseTimeline';
import { hasWrittenDecision, isClosed, stateColor } from '../../components/caseStates';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { RouteMap } from '../../components/RouteMap';
import { useCase } from '../../live/useCase';
import { session, useUser } from '../../session';
import { MaterialFiles } from '../files/MaterialFiles';
import { suppliedSince } from '../files/materialsNotice';
import { useCaseFiles } from '../files/useCaseFiles';
import { ViewsPanel } from '../files/ViewsPanel';
import { CaseDocuments } from '../documents/CaseDocuments';
import { LicenceCard } from '../licences/LicenceCard';
import { CaseRatings } from '../ratings/CaseRatings';
import { ApplicantActions } from './ApplicantActions';
import { queryCodes } from './queryCodes';
import { TrackLookupForm } from './TrackLookupScreen';
import { TrackSummary } from './TrackSummary';


/** The decision, licence and delivery, once there are any. */
function Outcome({ c }: { c: CaseView }) {
  const { t } = useTranslation(['applicant', 'common']);
  if (!c.decision && !c.licenceNo) return null;
  return (
    <Descriptions size="small" bordered column={1} title={t('track.decision')}>
      {c.decision && <Descriptions.Item label={t('track.decision')}>{t(`common:state.${c.decision.outcome}`)}</Descriptions.Item>}
      {c.decision?.opinion && <Descriptions.Item label={t('track.opinion')}>{c.decision.opinion}</Descriptions.Item>}
      {c.decision?.rightsNotice && <Descriptions.Item label={t('track.rightsNotice')}>{c.decision.rightsNotice}</Descriptions.Item>}
      {c.licenceNo && <Descriptions.Item label={t('track.licenceNo')}>{c.licenceNo}</Descriptions.Item>}
    </Descriptions>
  );
}

/** Where an applicant's case stands, live: the route map, the clock, the history, and what they may do. */
export function TrackScreen() {
  const { caseNo = '' } = useParams();
  useLocation(); // re-read the stored code after the lookup form navigates here
  const { t } = useTranslation(['applicant', 'common']);
  const code = session.token() ? null : queryCodes.get(caseNo);
  const { c, events, error, live, reload } = useCase(caseNo, code);
  const files = useCaseFiles(c, code);
  const viewer = useUser();
  if (!code && !session.token()) {
    return (
      <Card title={<Typography.Title level={1} className="page-title card-title">{t('track.needCode')}</Typography.Title>} style={{ maxWidth: 480, margin: '0 auto' }}>
        <TrackLookupForm caseNo={caseNo} />
      </Card>
    );
  }
  if (error && !c) {
    if (error instanceof ApiError && error.code === 'CASE_NOT_FOUND') {
      return (
        <Card title={<Typography.Title level={1} className="page-title card-title">{t('lookup.notFound')}</Typography.Title>} style={{ maxWidth: 480, margin: '0 auto' }}>
          <TrackLookupForm caseNo={caseNo} />
        </Card>
      );
    }
    return <ErrorState error={error} onRetry={reload} />;
  }
  if (!c) return <Card loading />;
  // What the applicant uploaded since the 补正 notice is ticked for them when they report it supplied.
  const requestSeq = [...events].reverse().find((e) => e.type === 'REQUEST_MATERIALS')?.seq ?? 0;
  const ready = c.state === 'awaitingMaterials' ? suppliedSince(c.missingMaterials, requestSeq, files.data) : [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="track" data-state={c.state} data-version={c.version}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {c.itemName}
        </Typography.Title>
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('track.print')}
          </Button>
          <LiveBadge status={live} />
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('file.caseNo')}>{c.caseNo}</Descriptions.Item>
        <Descriptions.Item label={t('track.state')}>
          <Tag color={stateColor(c.state)} data-testid="case-state">
            {t(`common:state.${c.state}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('track.filedAt')}>{formatTime(c.filedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('track.deliveryNow')}>
          <span data-testid="delivery-mode">{t(`common:delivery.${c.delivery.mode}`)}</span>
        </Descriptions.Item>
      </Descriptions>
      {error && <ErrorState error={error} onRetry={reload} />}
      <TrackSummary c={c} />
      <Card size="small">
        <RouteMap c={c} />
      </Card>
      {isClosed(c.state) ? <Alert type={c.state === 'completed' ? 'success' : c.state === 'withdrawn' ? 'info' : 'warning'} showIcon title={t(`outcome.closed.${c.state}`)} data-testid="closed-notice" /> : null /* the promise is in TrackSummary; the step clock is the desk's */}
      {c.state === 'awaitingMaterials' && c.missingMaterials.length > 0 && (
        <Alert type="warning" showIcon title={t('track.missing')} description={c.missingMaterials.join('、')} data-testid="missing-materials" />
      )}
      <MaterialFiles c={c} files={files} queryCode={code} viewer={viewer} />
      <ApplicantActions c={c} queryCode={code} ready={ready} onChanged={() => void reload()} />
      <Outcome c={c} />
      {hasWrittenDecision(c.state) && (
        <Link to={`/track/${c.caseNo}/decision`} data-testid="read-decision" className="no-print">
          {t('outcome.readDecision')}
        </Link>
      )}
      <CaseRatings caseNo={c.caseNo} queryCode={code} lastSeq={c.lastSeq} />
      <LicenceCard c={c} queryCode={code} />
      <CaseDocuments caseNo={c.caseNo} queryCode={code} lastSeq={c.lastSeq} />
      <ViewsPanel caseNo={c.caseNo} queryCode={code} lastSeq={c.lastSeq} />
      <Card size="small" title={t('track.timeline')}>
        <CaseTimeline events={events} />
      </Card>
    </Space>
  );
}
