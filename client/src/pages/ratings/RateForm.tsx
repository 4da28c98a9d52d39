import { App, Button, Checkbox, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rateCase, type RatingStage } from '../../api/ratings';
import { errorText } from '../../components/ErrorState';
import { INDICATORS, Stars, type Indicator } from './ratingWords';

/** The applicant's rating of one stage: five indicators as stars with words, a comment, anonymity; one tap per line on a phone. */
export function RateForm({ caseNo, stage, queryCode, onRated }: { caseNo: string; stage: RatingStage; queryCode: string | null; onRated: () => void }) {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const [marks, setMarks] = useState<Record<Indicator, number>>({ overall: 0, efficiency: 0, guideAccuracy: 0, convenience: 0, usability: 0 });
  const [comment, setComment] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const complete = INDICATORS.every((k) => marks[k] > 0);

  const submit = async () => {
    setBusy(true);
    try {
      await rateCase(caseNo, { stage, ...marks, comment: comment.trim() || undefined, anonymous }, queryCode);
      message.success(t('card.thanks'));
      onRated();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="small" data-testid="rate-form" data-stage={stage}>
      <Typography.Text strong>{t('card.rateStage', { stage: t(`stage.${stage}`) })}</Typography.Text>
      {INDICATORS.map((k) => (
        <Flex key={k} wrap gap="small" align="center">
          <Typography.Text style={{ minWidth: 120 }}>{t(`indicator.${k}`)}</Typography.Text>
          <Stars value={marks[k]} label={t(`indicator.${k}`)} testId={`rate-${k}`} onChange={(v) => setMarks((m) => ({ ...m, [k]: v }))} />
        </Flex>
      ))}
      <Input.TextArea aria-label={t('card.comment')} placeholder={t('card.comment')} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 2 }} />
      <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)}>
        {t('card.anonymous')}
      </Checkbox>
      <Button type="primary" disabled={!complete} loading={busy} onClick={() => void submit()} data-testid="rate-submit" block>
        {t('card.submit')}
      </Button>
    </Flex>
  );
}
