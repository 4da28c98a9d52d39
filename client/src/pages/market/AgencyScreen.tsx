import { Space } from 'antd';
import { useParams } from 'react-router';
import { getAgency, getMyAgency } from '../../api/marketAgencies';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { PageLoading } from '../../components/AppLayout';
import { useAsync } from '../../components/useAsync';
import { useMarketLive, useStaffLive } from '../../live/socket';
import { session } from '../../session';
import { AgencyOperations } from './AgencyOperations';
import { AgencyProfile } from './AgencyProfile';

/**
 * One agency's profile, public; the centre (city supervisors) and the agency itself see its review
 * and history and get their operations. `/market/my-agency` is the agency account's own. Live.
 */
export function AgencyScreen({ mine = false }: { mine?: boolean }) {
  const { id } = useParams();
  const found = useAsync(() => (mine ? getMyAgency() : getAgency(id!)), [id, mine]);
  const agencyId = found.data?.agency.id;
  const reload = (e: { id: number }) => {
    if (e.id === agencyId) void found.reload();
  };
  const publicLive = useMarketLive({ onAgency: reload });
  const token = session.token();
  useStaffLive({ onAgency: reload }, token ? `agency-${agencyId ?? ''}` : null);
  if (found.error) return <ErrorState error={found.error} onRetry={found.reload} />;
  if (!found.data) return <PageLoading />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <LiveBadge status={publicLive} />
        <AgencyOperations id={found.data.agency.id} revision={found.data.agency.revision} operations={found.data.operations} onDone={() => void found.reload()} />
      </Space>
      <AgencyProfile answer={found.data} />
    </Space>
  );
}
