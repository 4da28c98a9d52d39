import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getCaseAccountability, type CaseAccountability as View } from '../../api/powers';
import { departmentName, loadDepartments } from '../../api/reference';
import { ErrorState } from '../../components/ErrorState';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { useAsync } from '../../components/useAsync';

type Trigger = View['triggers'][number];
type Duty = View['responsibilities'][number];

/**
 * 问责 on a supervisor's case or rectification page: what went wrong (bad
 * ratings, an overdue promise, a late rectification) at which desk and by
 * whom, the power the item implements, and its responsibility list with the
 * matters each trigger reaches marked. `reload` changes when the case moves.
 */
export function CaseAccountability({ caseNo, reload = 0 }: { caseNo: string; reload?: number }) {
  const { t, i18n } = useTranslation('powers');
  const data = useAsync(() => getCaseAccountability(caseNo), [caseNo, reload]);
  const departments = useAsync(loadDepartments, []);
  const a = data.data;
  const english = i18n.language.startsWith('en');
  const names = useJurisdictionNames((a?.triggers ?? []).map((x) => x.desk.jurisdictionCode).filter((c): c is string => Boolean(c)), english);
  if (data.error) return <ErrorState error={data.error} onRetry={() => void data.reload()} />;
  if (!a) return <Card size="small" loading title={t('accountability.title')} />;
  const desk = (x: Trigger) => [x.desk.jurisdictionCode ? (names[x.desk.jurisdictionCode] ?? x.desk.jurisdictionCode) : null, departmentName(departments.data, x.desk.department, english)].filter(Boolean).join(' · ');
  return (
    <Card size="small" title={t('accountability.title')} data-testid="accountability">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        {a.triggers.length === 0 ? (
          <Typography.Text type="secondary">{t('accountability.noTrigger')}</Typography.Text>
        ) : (
          <List<Trigger>
            size="small"
            dataSource={a.triggers}
            renderItem={(x, i) => (
              <List.Item key={i} data-testid="accountability-trigger" data-kind={x.kind}>
                <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                  <Typography.Text strong>
                    {t(`accountability.trigger.${x.kind}`, { stage: x.stage ? t(`accountability.stage.${x.stage}`) : '', overall: x.overall, days: x.overdueDays })}
                  </Typography.Text>
                  <Typography.Text>{t('accountability.desk')}：{desk(x)}</Typography.Text>
                  {x.handlers && x.handlers.length > 0 && <Typography.Text type="secondary">{t('accountability.staff')}：{x.handlers.map((h) => h.actorName).filter((n, j, all) => all.indexOf(n) === j).join('、')}</Typography.Text>}
                  {x.rectification && (
                    <Link to={`/rectifications/${x.rectification.id}`}>
                      {t('accountability.rectification', { due: x.rectification.dueOn })}
                      {x.rectification.overdue && <Tag color="error" style={{ marginLeft: 4 }}>{t('accountability.late')}</Tag>}
                    </Link>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
        {a.power ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('guide.power')}>
              <Link to={`/powers/${a.power.code}`} data-testid="accountability-power">{a.power.name}</Link> <Typography.Text type="secondary">{a.power.code}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.body')}>
              {a.power.department} · {a.power.jurisdiction.name} · <Tag>{a.power.type}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.supervision')}>{a.power.supervision.text}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('accountability.noPower')}</Typography.Text>
        )}
        {a.unmatched.length > 0 && <Alert type="info" showIcon title={t('accountability.unmatched')} />}
        {a.responsibilities.length > 0 && (
          <List<Duty>
            size="small"
            header={<Typography.Text strong>{t('detail.duties')}</Typography.Text>}
            dataSource={a.responsibilities}
            renderItem={(d) => (
              <List.Item key={`${d.own}-${d.seq}`} data-testid="accountability-duty" data-reached={d.reachedBy.length > 0 ? 'yes' : 'no'} style={d.reachedBy.length > 0 ? { background: '#fff7e6' } : undefined}>
                <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                  <span>
                    <Typography.Text strong={d.reachedBy.length > 0}>{d.matter}</Typography.Text>
                    {d.reachedBy.map((k) => (
                      <Tag key={k} color="purple" style={{ marginLeft: 4 }}>{t(`accountability.reached.${k}`)}</Tag>
                    ))}
                  </span>
                  {d.reachedBy.length > 0 && (
                    <>
                      <Typography.Text style={{ fontSize: 12 }}>{t('detail.accountability')}：{d.accountability}</Typography.Text>
                      <Typography.Text style={{ fontSize: 12 }}>{t('detail.targets')}：{d.targets}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('detail.dutyBasis')}：{d.basis}</Typography.Text>
                    </>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
