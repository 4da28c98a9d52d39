import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types';

/** A queue row's marks: 督办 (pinned on top by the server, with its reason and reply-by) and 退回 (with the upper level's reason). */
export function QueueMarks({ c }: { c: CaseView }) {
  const { t } = useTranslation('desk');
  return (
    <>
      {c.urge && (
        <Tooltip title={t('urging.pinned', { reason: c.urge.reason, replyBy: c.urge.replyBy })}>
          <Tag color="red" data-testid="urged-tag">
            {t('urging.tag')} · {c.urge.replyBy}
          </Tag>
        </Tooltip>
      )}
      {c.returned && (
        <Tooltip title={c.returned.reason}>
          <Tag color="orange" data-testid="returned-tag">
            {t('returns.tag')}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}
