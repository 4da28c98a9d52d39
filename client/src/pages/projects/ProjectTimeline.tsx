import { Card, Col, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deskLabel, type ProjectClockJson } from '../../api/projectBoard';
import { formatTime } from '../../components/format';

type Light = ProjectClockJson['light'];
const STROKE: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };
const KIND_COLOR: Record<string, string> = {
  government_approval: '#1677ff',
  government_intermediary: '#13c2c2',
  utility: '#722ed1',
  owner_preparation: '#8c8c8c',
  owner_intermediary: '#d48806',
};
const COUNTED = new Set(['government_approval', 'government_intermediary', 'utility']);

/** The fill of a kind: solid when counted, hatched when not (colour is never the only sign). */
function fill(kind: string | null, counted: boolean): string {
  if (!kind) return '#fafafa';
  const c = KIND_COLOR[kind];
  return counted ? c : `repeating-linear-gradient(45deg, ${c}, ${c} 4px, #fff 4px, #fff 8px)`;
}

/** A kind's name in a plain tag with its swatch (coloured text on colour fails contrast). */
function KindTag({ kind, text }: { kind: string; text: string }) {
  return (
    <Tag>
      <span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, marginInlineEnd: 6, verticalAlign: -2, border: '1px solid #d9d9d9', background: fill(kind, COUNTED.has(kind)) }} />
      {text}
    </Tag>
  );
}

/** One gauge: counted against the limit, its light in words as well as colour. */
function Gauge({ title, unit, g, testId }: { title: string; unit: string; g: ProjectClockJson['whole']; testId: string }) {
  const { t } = useTranslation('projectBoard');
  return (
    <Card size="small" title={title} data-testid={testId} data-counted={g.counted} data-light={g.light}>
      <Space align="center" size="large" wrap>
        <Progress type="dashboard" size={110} percent={Math.min(100, g.percent)} strokeColor={STROKE[g.light]} format={() => `${g.counted}`} aria-label={`${title}: ${unit}`} />
        <Space orientation="vertical" size={4}>
          <Typography.Text strong>{unit}</Typography.Text>
          <Tag color={g.light === 'green' ? 'success' : g.light === 'yellow' ? 'warning' : 'error'}>{t(`light.${g.light}`)}</Tag>
        </Space>
      </Space>
    </Card>
  );
}

/**
 * A project's two clocks (calendar days of the whole process, working days of
 * the approval) as gauges, and its life on a timeline: counted stretches solid,
 * not-counted ones hatched (so colour is never the only sign), each segment
 * labelled for screen readers; the intervals listed below (phone-friendly).
 */
export function ProjectTimeline({ clock }: { clock: ProjectClockJson }) {
  const { t, i18n } = useTranslation('projectBoard');
  const segs = clock.timeline;
  const start = segs.length ? Date.parse(segs[0].from) : 0;
  const span = segs.length ? Date.parse(segs[segs.length - 1].to) - start : 0;
  const label = (s: (typeof segs)[number]) => `${s.kind ? t(`kind.${s.kind}`) : t('clock.idle')} · ${s.counted ? t('clock.counted') : t('clock.notCounted')} · ${formatTime(s.from)} – ${formatTime(s.to)}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-timeline">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Gauge testId="gauge-whole" title={t('clock.whole')} unit={t('clock.wholeUnit', { counted: clock.whole.counted, limit: clock.whole.limit })} g={clock.whole} />
        </Col>
        <Col xs={24} md={12}>
          <Gauge testId="gauge-approval" title={t('clock.approval')} unit={t('clock.approvalUnit', { counted: clock.approval.counted, limit: clock.approval.limit })} g={clock.approval} />
        </Col>
      </Row>
      {clock.longestDesk && <Typography.Text data-testid="longest-desk">{t('clock.longestDesk', { name: deskLabel(clock.longestDesk, i18n.language), days: clock.longestDesk.days })}</Typography.Text>}
      <Card size="small" title={t('clock.timeline')}>
        <Typography.Paragraph type="secondary">{t('clock.timelineHelp')}</Typography.Paragraph>
        {segs.length === 0 ? (
          <Typography.Text type="secondary">{t('clock.noIntervals')}</Typography.Text>
        ) : (
          <div role="list" aria-label={t('clock.timeline')} style={{ display: 'flex', width: '100%', height: 28, borderRadius: 4, overflow: 'hidden', border: '1px solid #d9d9d9' }}>
            {segs.map((s) => {
              const w = span > 0 ? ((Date.parse(s.to) - Date.parse(s.from)) / span) * 100 : 100;
              const background = fill(s.kind, s.counted);
              return <div key={s.from} role="listitem" aria-label={label(s)} title={label(s)} data-testid="timeline-segment" data-counted={s.counted} data-kind={s.kind ?? 'idle'} style={{ width: `${w}%`, minWidth: 2, background }} />;
            })}
          </div>
        )}
        {segs.length > 0 && (
          <div style={{ display: 'flex', justifyContent: 'space-between' }} data-testid="timeline-axis">
            <Typography.Text type="secondary">{formatTime(segs[0].from).slice(0, 10)}</Typography.Text>
            <Typography.Text type="secondary">{formatTime(segs[segs.length - 1].to).slice(0, 10)}</Typography.Text>
          </div>
        )}
        <Space wrap size={4} style={{ marginTop: 8 }}>
          {Object.keys(KIND_COLOR).map((k) => (
            <KindTag key={k} kind={k} text={`${t(`kind.${k}`)} · ${COUNTED.has(k) ? t('clock.counted') : t('clock.notCounted')}`} />
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('clock.intervals')}>
        <List
          size="small"
          dataSource={clock.intervals}
          locale={{ emptyText: t('clock.noIntervals') }}
          renderItem={(i) => (
            <List.Item data-testid="clock-interval" data-kind={i.kind} data-source={i.source.type}>
              <Space wrap size={6}>
                <KindTag kind={i.kind} text={t(`kind.${i.kind}`)} />
                <Tag>{COUNTED.has(i.kind) ? t('clock.counted') : t('clock.notCounted')}</Tag>
                <Typography.Text>{`${t(`sourceType.${i.source.type}`)} ${i.source.label}`}</Typography.Text>
                {i.desk && <Typography.Text data-testid="interval-desk">{deskLabel(i.desk, i18n.language)}</Typography.Text>}
                <Typography.Text type="secondary">{`${formatTime(i.from)} – ${i.to ? formatTime(i.to) : t('clock.running')}`}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Typography.Text type="secondary">{t('clock.asOf', { at: formatTime(clock.asOf) })}</Typography.Text>
    </Space>
  );
}
