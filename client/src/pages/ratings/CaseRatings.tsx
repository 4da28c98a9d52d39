import { App, Button, Card, Descriptions, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getCaseRatings, rateRectification, type CaseRatings as Ratings, type RatingStage } from '../../api/ratings';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { RateForm } from './RateForm';
import { RectificationTags, Stars } from './ratingWords';

type Rated = Ratings['ratings'][number];

/**
 * 好差评 on the applicant's case page: the ratings given, each bad one with
 * its rectification and outcome (and a rating of that outcome once answered),
 * and a form for each stage the applicant may rate now. Reloads with the case
 * (`lastSeq`) and when a rectification changes (`refreshKey`).
 */
export function CaseRatings({ caseNo, queryCode, lastSeq, refreshKey = 0 }: { caseNo: string; queryCode: string | null; lastSeq: number; refreshKey?: number }) {
  const { t } = useTranslation('ratings');
  const [tick, setTick] = useState(0);
  const data = useAsync(() => getCaseRatings(caseNo, queryCode), [caseNo, queryCode, lastSeq, refreshKey, tick]);
  const reload = () => setTick((n) => n + 1);
  // An applicant account hears its rectifications move (rectification:updated to its own room); a query code reloads with the case.
  const user = useUser();
  useStaffLive({ onRectification: (e) => e.caseNo === caseNo && reload() }, user?.role === 'applicant' ? user.username : null);
  if (data.error) return <ErrorState error={data.error} onRetry={() => void data.reload()} />;
  if (!data.data) return null;
  const { ratings, rateable } = data.data;
  return (
    <Card size="small" title={t('card.title')} data-testid="case-ratings" extra={<Link to="/ratings">{t('card.monthly')}</Link>}>
      <Flex vertical gap="middle">
        {ratings.length === 0 && rateable.length === 0 && <Typography.Text type="secondary">{t('card.none')}</Typography.Text>}
        {ratings.map((r) => (
          <GivenRating key={r.stage} r={r} caseNo={caseNo} queryCode={queryCode} onChanged={reload} />
        ))}
        {rateable.map((stage) => (
          <RateForm key={stage} caseNo={caseNo} stage={stage} queryCode={queryCode} onRated={reload} />
        ))}
      </Flex>
    </Card>
  );
}

function GivenRating({ r, caseNo, queryCode, onChanged }: { r: Rated; caseNo: string; queryCode: string | null; onChanged: () => void }) {
  const { t } = useTranslation('ratings');
  const x = r.rectification;
  return (
    <Flex vertical gap={4} data-testid="given-rating" data-stage={r.stage}>
      <Typography.Text strong>{t('card.yours', { stage: t(`stage.${r.stage}`) })}</Typography.Text>
      <Stars value={r.overall} label={t('indicator.overall')} />
      {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
      {x && (
        <Card size="small" type="inner" title={t('rectification.title')} extra={<RectificationTags r={x} />} data-testid="case-rectification">
          <Descriptions size="small" column={1}>
            {x.calledBack && <Descriptions.Item label={t('rectification.calledBack', { reached: t(x.calledBack.reached ? 'rectification.reached' : 'rectification.notReached') })}>{x.calledBack.at.slice(0, 10)}</Descriptions.Item>}
            {x.outcome && (
              <Descriptions.Item label={t(`rectification.outcome.${x.outcome.kind}`)}>
                <span data-testid="rectification-outcome">{x.outcome.text}</span>
              </Descriptions.Item>
            )}
            {x.applicantRating && (
              <Descriptions.Item label={t('rectification.yourScore')}>
                <Stars value={x.applicantRating.score} label={t('rectification.yourScore')} />
              </Descriptions.Item>
            )}
          </Descriptions>
          {x.state === 'resolved' && <RateOutcome caseNo={caseNo} stage={r.stage as RatingStage} queryCode={queryCode} onRated={onChanged} />}
        </Card>
      )}
    </Flex>
  );
}

function RateOutcome({ caseNo, stage, queryCode, onRated }: { caseNo: string; stage: RatingStage; queryCode: string | null; onRated: () => void }) {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await rateRectification(caseNo, { stage, score, comment: comment.trim() || undefined }, queryCode);
      message.success(t('card.thanks'));
      onRated();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap="small" data-testid="rate-outcome">
      <Typography.Text strong>{t('rectification.rateOutcome')}</Typography.Text>
      <Stars value={score} onChange={setScore} label={t('rectification.rateOutcome')} testId="rate-outcome-stars" />
      <Input.TextArea aria-label={t('card.comment')} placeholder={t('card.comment')} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 1 }} />
      <Button type="primary" disabled={score === 0} loading={busy} onClick={() => void submit()} block>
        {t('rectification.submitOutcome')}
      </Button>
    </Flex>
  );
}
