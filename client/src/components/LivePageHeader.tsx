import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { LiveStatus } from '../live/socket';
import { LiveBadge } from './LiveBadge';

/** A live screen's heading: its title, and whether it is receiving pushes right now. */
export function LivePageHeader({ title, live }: { title: ReactNode; live: LiveStatus }) {
  return (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Title level={1} className="page-title">{title}</Typography.Title>
      <LiveBadge status={live} />
    </Space>
  );
}
