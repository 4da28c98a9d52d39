import { Card, Descriptions, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getRectification } from '../../api/ratings';
import { departmentName, loadDepartments } from '../../api/reference';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { CaseAccountability } from '../powers/CaseAccountability';
import { RectificationActionForm } from './RectificationActionForm';
import { INDICATORS, RectificationTags, Stars } from './ratingWords';

/** One rectification: the rating and whom it reaches, the call-back contact (the desk's alone), the act the caller may take, the history; live. */
export function RectificationScreen() {
  const { t, i18n } = useTranslation('ratings');
  const id = Number(useParams().id);
  const user = useUser();
  const [tick, setTick] = useState(0);
  const data = useAsync(() => getRectification(id), [id, tick]);
  const departments = useAsync(loadDepartments, []);
  const english = i18n.language.startsWith('en');
  const places = useJurisdictionNames((data.data?.handlers ?? []).map((h) => h.jurisdictionCode).filter((c): c is string => Boolean(c)), english);
  const live = useStaffLive({ onRectification: (e) => e.id === id && setTick((n) => n + 1) }, user?.username ?? null);
  if (data.error) return <ErrorState error={data.error} onRetry={() => void data.reload()} />;
  if (!data.data) return <Card loading />;
  const { rectification: r, rating, handlers, contact, actions, history } = data.data;
  const marks = { overall: rating.overall, ...rating.indicators };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="rectification" data-state={r.state}>
      <Flex justify="space-between" wrap gap="small">
        <Typography.Title level={1} className="page-title">
          {t('rectification.title')} · {r.caseNo}
        </Typography.Title>
        <Space>
          <RectificationTags r={r} />
          <LiveBadge status={live} />
        </Space>
      </Flex>
      <Card size="small" title={t('workbench.rating')}>
        <Descriptions size="small" column={1}>
          {INDICATORS.map((k) => (
            <Descriptions.Item key={k} label={t(`indicator.${k}`)}>
              <Stars value={marks[k]} label={t(`indicator.${k}`)} />
            </Descriptions.Item>
          ))}
          {rating.comment && <Descriptions.Item label={t('card.comment')}>{rating.comment}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('workbench.contact')}>
        {contact ? <Typography.Text data-testid="rectification-contact">{contact.name} · {contact.phone}</Typography.Text> : <Typography.Text type="secondary">{t('workbench.anonymousContact')}</Typography.Text>}
      </Card>
      {actions.length > 0 && (
        <Card size="small">
          <RectificationActionForm id={r.id} revision={r.revision} actions={actions} onDone={() => setTick((n) => n + 1)} />
        </Card>
      )}
      <Card size="small" title={t('workbench.handlers')}>
        <List size="small" dataSource={handlers} renderItem={(h) => <List.Item key={h.seq}>{[t(`common:event.${h.type}`), h.actorName, h.jurisdictionCode ? (places[h.jurisdictionCode] ?? h.jurisdictionCode) : null, departmentName(departments.data, h.department, english)].filter(Boolean).join(' · ')}</List.Item>} />
      </Card>
      {(user?.role === 'supervisor' || user?.role === 'admin') && <CaseAccountability caseNo={r.caseNo} reload={r.revision} />}
      <Card size="small" title={t('workbench.history')}>
        <List
          size="small"
          dataSource={history}
          renderItem={(e) => (
            <List.Item key={e.seq} data-testid="rectification-event" data-type={e.type}>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{t(`workbench.event.${e.type}`)} · {e.by.name}</Typography.Text>
                {e.reason && <Typography.Text>{e.reason}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.at.replace('T', ' ').slice(0, 16)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Link to="/desk/rectifications">{t('workbench.title')}</Link>
    </Space>
  );
}
