import { Alert, App, Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/http';
import type { ActionType, ItemView } from '../../api/types';
import { CaseTimeline } from '../../components/CaseTimeline';
import { ClockPanel } from '../../components/ClockPanel';
import { ErrorState, errorText } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { RouteMap } from '../../components/RouteMap';
import { hasWrittenDecision, stateColor } from '../../components/caseStates';
import { useAsync } from '../../components/useAsync';
import { useHotkeys } from '../../components/useHotkeys';
import { isConflict, sendAction, type ActionBody } from '../../live/sendAction';
import { useCase } from '../../live/useCase';
import { ActionForm, missingListEmpty } from './ActionForm';
import { ACTION_KEYS, actionHotkeys } from './actionKeys';
import { CaseFile } from './CaseFile';
import { MaterialFiles } from '../files/MaterialFiles';
import { materialsNotice } from '../files/materialsNotice';
import { useCaseFiles } from '../files/useCaseFiles';
import { CaseDocuments } from '../documents/CaseDocuments';
import { LicenceCard } from '../licences/LicenceCard';
import { OpinionsPanel } from '../../components/OpinionsPanel';
import { useUser } from '../../session';
import { CaseAccountability } from '../powers/CaseAccountability';
import { ReturnAndUrgeBanners } from './ReturnAndUrgeBanners';
import { OWN_FORMS, UrgingForm } from './UrgingForms';

/** One case at the desk: the file, the checklist, what the lower levels said, and only the actions this user may take now. */
export function CaseDeskScreen() {
  const { caseNo = '' } = useParams();
  const { t } = useTranslation(['desk', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { c, events, error, live, reload } = useCase(caseNo, null);
  const viewer = useUser();
  const item = useAsync(async () => (c ? api<ItemView>('GET', `/api/items/${encodeURIComponent(c.itemCode)}`) : undefined), [c?.itemCode]);
  const files = useCaseFiles(c, null);
  const [chosen, setChosen] = useState<ActionType | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'conflict' | 'changed'; event?: string } | null>(null);
  // Versions this screen produced itself; any other new version was someone else's doing.
  const mine = useRef(new Set<number>());
  const seen = useRef<number | null>(null);

  useEffect(() => {
    if (!c) return;
    if (seen.current !== null && c.version > seen.current && !mine.current.has(c.version)) {
      // A conflict this screen just reported says more than "it changed": keep it.
      setNotice((n) => (n?.kind === 'conflict' ? n : { kind: 'changed', event: events[events.length - 1]?.type }));
    }
    seen.current = c.version;
    if (chosen && !c.actions.includes(chosen)) setChosen(null);
  }, [c, events, chosen]);

  const actions = (c?.actions ?? []).filter((a) => a !== 'CHOOSE_DELIVERY');
  useHotkeys({
    Escape: () => navigate('/desk'),
    // Each action's own letter, the same whatever else is on offer (actionKeys.ts).
    ...actionHotkeys(actions, setChosen),
  });

  if (error && !c) {
    // Someone else's case and a number never given out read alike (the server answers both 404): no retry, a way back.
    const hidden = error instanceof ApiError && (error.code === 'CASE_NOT_FOUND' || error.code === 'FORBIDDEN');
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {hidden ? (
          <Alert type="warning" showIcon role="alert" title={t('case.notFound')} description={`${t('case.notFoundHint')} (${error.code})`} />
        ) : (
          <ErrorState error={error} onRetry={reload} />
        )}
        <Button onClick={() => navigate('/desk')}>{t('case.backToQueue')}</Button>
      </Space>
    );
  }
  if (!c) return <Card loading />;
  const materials = materialsNotice(c, item.data?.materials ?? [], files.data);

  const submit = async (body: ActionBody) => {
    if (missingListEmpty(body, materials.bad.length)) {
      message.error(t('case.missingRequired'));
      return;
    }
    setBusy(true);
    try {
      const res = await sendAction(c, body);
      mine.current.add(res.case.version);
      message.success(t('case.done', { action: t(`common:action.${body.type}`) }));
      setChosen(null);
      setNotice(null);
      // The case has left this desk: back to the queue for the next one.
      if (res.case.actions.length === 0) navigate('/desk');
      else await reload();
    } catch (e) {
      if (isConflict(e)) {
        setNotice({ kind: 'conflict' });
        setChosen(null);
        await reload();
      } else message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-desk" data-state={c.state} data-version={c.version}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space wrap>
          <Button onClick={() => navigate('/desk')}>{t('case.backToQueue')}</Button>
          <Typography.Title level={1} className="page-title">
            {c.itemName}
          </Typography.Title>
          <Typography.Text type="secondary">{c.caseNo}</Typography.Text>
          <Tag color={stateColor(c.state)} data-testid="case-state">
            {t(`common:state.${c.state}`)}
          </Tag>
          {hasWrittenDecision(c.state) && <Link to={`/desk/cases/${c.caseNo}/decision`} data-testid="read-decision">{t('applicant:outcome.readDecision')}</Link>}
        </Space>
        <LiveBadge status={live} />
      </Flex>
      {notice?.kind === 'conflict' && <Alert type="warning" showIcon role="alert" title={t('case.conflict')} closable={{ onClose: () => setNotice(null) }} data-testid="conflict" />}
      <ReturnAndUrgeBanners c={c} events={events} />
      {notice?.kind === 'changed' && (
        <Alert type="info" showIcon role="status" title={t('case.changedElsewhere', { event: notice.event ? t(`common:event.${notice.event}`) : '' })} closable={{ onClose: () => setNotice(null) }} data-testid="changed" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={{ span: 8, order: 2 }}>
          <Card size="small" title={t('case.actions')} data-testid="desk-actions">
            {actions.length === 0 ? (
              <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Flex wrap gap="small">
                  {actions.map((a) => (
                    <Button key={a} type={chosen === a ? 'primary' : 'default'} danger={a === 'REFUSE' || a === 'DENY'} onClick={() => setChosen(a)} data-action={a} aria-keyshortcuts={ACTION_KEYS[a]}>
                      <span className="kbd" aria-hidden="true">{ACTION_KEYS[a]}</span> {t(`common:action.${a}`)}
                    </Button>
                  ))}
                </Flex>
                {chosen && (
                  OWN_FORMS.includes(chosen) ? (
                    <UrgingForm key={chosen} type={chosen} c={c} busy={busy} onSubmit={(b) => void submit(b)} onCancel={() => setChosen(null)} />
                  ) : (
                  <ActionForm key={chosen} type={chosen} c={c} itemMaterials={(item.data?.materials ?? []).map((m) => m.name)} notice={materials} busy={busy} onSubmit={(b) => void submit(b)} onCancel={() => setChosen(null)} />
                  )
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="keys-hint">
                  {t('case.keys')}
                </Typography.Text>
              </Space>
            )}
          </Card>
          {/* 问责: a supervisor or administrator follows the case to its power and responsibility list. */}
          {(viewer?.role === 'supervisor' || viewer?.role === 'admin') && (
            <div style={{ marginTop: 16 }}>
              <CaseAccountability caseNo={c.caseNo} reload={c.lastSeq} />
            </div>
          )}
        </Col>
        <Col xs={24} lg={{ span: 16, order: 1 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small">
              <RouteMap c={c} />
            </Card>
            <ClockPanel c={c} />
            <CaseFile c={c} itemMaterials={item.data?.materials ?? []} />
            <MaterialFiles c={c} files={files} queryCode={null} viewer={viewer} onOwnVersion={(v) => mine.current.add(v)} />
            <LicenceCard c={c} queryCode={null} />
            <CaseDocuments caseNo={c.caseNo} queryCode={null} lastSeq={c.lastSeq} />
            <OpinionsPanel events={events} viewerLevel={viewer?.level ?? c.step.level} />
            <Card size="small" title={t('applicant:track.timeline')}>
              <CaseTimeline events={events} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
