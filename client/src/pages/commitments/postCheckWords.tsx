import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostCheckView } from '../../api/commitments';

const COLOURS: Record<string, string> = { open: 'blue', confirmed: 'green', found_false: 'red' };

/** A task's state and overdue flag as tags. */
export function PostCheckTags({ p }: { p: Pick<PostCheckView, 'state' | 'overdue'> }) {
  const { t } = useTranslation('commitments');
  return (
    <Space size={4} wrap>
      <Tag color={COLOURS[p.state] ?? 'default'} data-testid="post-check-state" data-state={p.state}>
        {t(`state.${p.state}`)}
      </Tag>
      {p.overdue && p.state === 'open' && (
        <Tag color="red" data-testid="post-check-overdue">
          {t('overdue')}
        </Tag>
      )}
    </Space>
  );
}

/** The page of one post-check task (the desk's, the applicant's). */
export const postCheckPath = (id: number) => `/post-checks/${id}`;
