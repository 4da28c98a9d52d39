import { Alert, Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgencyAnswer } from '../../api/marketAgencies';
import { formatTime } from '../../components/format';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { AgencyStars, AgencyStateTag } from './AgencyBits';

/** An agency's profile: particulars, state note, qualifications with expiry, staff (name and title), services, credit record, history. */
export function AgencyProfile({ answer }: { answer: AgencyAnswer }) {
  const { t, i18n } = useTranslation('marketAgencies');
  const a = answer.agency;
  const names = useJurisdictionNames([...a.areas, a.jurisdictionCode], i18n.language === 'en');
  const expelledLike = a.state === 'expelled' || a.state === 'appealing' || a.state === 'suspended' || a.state === 'rejected';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="agency-profile" data-state={a.state} data-revision={a.revision}>
      <Card size="small">
        <Typography.Title level={1} className="page-title" style={{ marginTop: 0 }}>
          {a.name}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 8 }}>
          <AgencyStateTag state={a.state} />
          {a.onSite && <Tag color="blue">{t('list.onSiteTag')}</Tag>}
          <AgencyStars stars={a.stars} score={a.score} />
        </Space>
        {expelledLike && a.reason && (
          <Alert
            type={a.state === 'suspended' ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 8 }}
            title={`${t('profile.reason')}：${a.reason}`}
            description={[a.decisionNo && `${t('profile.decisionNo')}：${a.decisionNo}`, a.appealUntil && `${t('profile.appealUntil')}：${a.appealUntil}`, a.appealGrounds && `${t('profile.appealGrounds')}：${a.appealGrounds}`].filter(Boolean).join('　')}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('profile.uscc')}>{a.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('profile.legalRepresentative')}>{a.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('profile.phone')}>{a.contactPhone}</Descriptions.Item>
          <Descriptions.Item label={t('profile.address')}>{a.address}</Descriptions.Item>
          <Descriptions.Item label={t('profile.areas')}>{a.areas.map((c) => names[c] ?? c).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('profile.completedOrders')}>{a.completedOrders}</Descriptions.Item>
          <Descriptions.Item label={t('profile.score')}>{t('profile.rated', { count: a.ratedOrders })}</Descriptions.Item>
          {a.review && <Descriptions.Item label={t('profile.reviewDue')}>{a.review.dueOn ?? '—'} {a.review.overdue && <Tag color="red">{t('profile.overdue')}</Tag>}</Descriptions.Item>}
        </Descriptions>
        {a.introduction && <Typography.Paragraph type="secondary">{a.introduction}</Typography.Paragraph>}
      </Card>
      <Card size="small" title={t('profile.qualifications')}>
        <Table
          size="small"
          rowKey={(q) => `${q.name}-${q.certificateNo}`}
          pagination={false}
          scroll={{ x: true }}
          dataSource={a.qualifications}
          columns={[
            { title: t('profile.qualName'), dataIndex: 'name' },
            { title: t('profile.level'), dataIndex: 'level' },
            { title: t('profile.certificateNo'), dataIndex: 'certificateNo' },
            { title: t('profile.issuedBy'), dataIndex: 'issuedBy' },
            { title: t('profile.expiresOn'), key: 'exp', render: (_: unknown, q) => <span>{q.expiresOn} {q.expired && <Tag color="red">{t('profile.expired')}</Tag>}</span> },
          ]}
        />
      </Card>
      <Card size="small" title={t('profile.staff')}>
        <Space wrap>{a.staff.map((s, i) => <Tag key={i}>{s.name}（{s.title}）</Tag>)}</Space>
      </Card>
      <Card size="small" title={t('profile.services')}>
        <Space wrap>
          {a.services.map((s) => (
            <Link key={s.code} to={`/market/service-items/${s.code}`}>
              <Tag color="geekblue">{s.name}</Tag>
            </Link>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('profile.credit')} data-testid="agency-credit">
        {a.creditRecord.length === 0 ? (
          <Typography.Text type="secondary">{t('profile.noCredit')}</Typography.Text>
        ) : (
          a.creditRecord.map((c, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
              <Tag color="red">{t(`profile.badAct.${c.kind}`)}</Tag> {c.reason} <Typography.Text type="secondary">{formatTime(c.at)} {c.recordNo}</Typography.Text>
            </Typography.Paragraph>
          ))
        )}
      </Card>
      {answer.history.length > 0 && (
        <Card size="small" title={t('profile.history')}>
          <Timeline
            items={answer.history.map((e) => ({
              key: e.seq,
              children: (
                <span>
                  {t(`op.${e.type}`)} · {e.by.name} · {formatTime(e.at)}
                  {e.reason && <Typography.Text type="secondary">（{e.reason}）</Typography.Text>}
                </span>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
