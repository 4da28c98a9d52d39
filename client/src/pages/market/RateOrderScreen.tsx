import { Alert, App, Button, Card, Form, Input, List, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fileComplaint, getOrderRatings, INDICATORS, rateOrder, type Marks } from '../../api/marketRatings';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { Stars } from './Stars';

/** 评价中介服务: the order's client, approving department or centre rates the agency on five indicators; the counted ratings below. */
export function RateOrderScreen() {
  const { t } = useTranslation('marketRatings');
  const { message } = App.useApp();
  const user = useUser();
  const orderId = Number(useParams().id);
  const data = useAsync(() => getOrderRatings(orderId), [orderId, user?.username]);
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [complaint, setComplaint] = useState('');
  const [marks, setMarks] = useState<Marks>({ quality: 5, timeliness: 5, attitude: 5, fees: 5, conduct: 5 });
  const d = data.data;

  const submit = async (v: { comment: string }) => {
    setBusy(true);
    try {
      await rateOrder(orderId, { ...marks, comment: v.comment ?? '' });
      message.success(t('rate.submitted'));
      await data.reload();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const complain = async () => {
    try {
      await fileComplaint(orderId, complaint);
      message.success(t('rate.complaintSent'));
      setComplaint('');
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }} data-testid="rate-order">
      <Typography.Title level={1} className="page-title">
        {t('rate.title')}
      </Typography.Title>
      {data.error && <ErrorState error={data.error} onRetry={data.reload} />}
      {d && (
        <Card size="small">
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>{t('rate.order', { orderNo: d.order.orderNo })}</Typography.Text>
            {d.order.agency && (
              <Space wrap>
                <Typography.Text>{t('rate.agency', { name: d.order.agency.name })}</Typography.Text>
                <Stars stars={d.order.agency.stars} />
              </Space>
            )}
          </Space>
        </Card>
      )}
      {d && !d.mine && <Alert type="info" showIcon message={t('rate.notRater')} />}
      {d?.mine && d.order.state !== 'completed' && <Alert type="info" showIcon message={t('rate.notCompleted')} />}
      {d?.mine?.rating && <Alert type="success" showIcon message={t('rate.done', { status: t(`status.${d.mine.rating.state}`) })} data-testid="rated" />}
      {d?.mine?.mayRate && (
        <Card size="small" title={t('rate.as', { kind: t(`raterKind.${d.mine.raterKind}`) })}>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ comment: '' }}>
            {INDICATORS.map((k) => (
              <div key={k} style={{ marginBottom: 12 }}>
                <Typography.Text id={`mark-label-${k}`}>{t(`indicator.${k}`)}</Typography.Text>
                <div>
                  <Rate allowClear={false} value={marks[k]} onChange={(v) => setMarks((m) => ({ ...m, [k]: v }))} aria-labelledby={`mark-label-${k}`} data-testid={`mark-${k}`} />
                </div>
              </div>
            ))}
            <Form.Item name="comment" label={t('rate.comment')}>
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('rate.commentHint')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-rating">
              {t('rate.submit')}
            </Button>
          </Form>
        </Card>
      )}
      {d?.mine?.raterKind === 'client' && d.order.agency && (
        <Card size="small" title={t('rate.complain')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('rate.complaintReason')} aria-label={t('rate.complaintReason')} value={complaint} onChange={(e) => setComplaint(e.target.value)} maxLength={1000} />
            <Button onClick={() => void complain()} disabled={!complaint.trim()}>
              {t('rate.complain')}
            </Button>
          </Space.Compact>
        </Card>
      )}
      {d && (
        <Card size="small" title={t('rate.counted')}>
          <List
            size="small"
            dataSource={d.ratings}
            locale={{ emptyText: t('rate.none') }}
            renderItem={(r) => (
              <List.Item key={r.id}>
                <Space orientation="vertical" size={0}>
                  <Space size={6} wrap>
                    <Tag>{t(`raterKind.${r.raterKind}`)}</Tag>
                    {'state' in r && <Tag>{t(`status.${r.state}`)}</Tag>}
                  </Space>
                  <Typography.Text>{INDICATORS.map((k) => `${t(`indicator.${k}`)} ${r.marks[k]}`).join(' · ')}</Typography.Text>
                  {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
