import { Alert, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDraw, sha256Hex, type DrawReport } from '../../api/marketOrders';
import { useAsync } from '../../components/useAsync';

interface Rerun {
  seedOk: boolean;
  tickets: { agencyId: number; name: string; uscc: string; hash: string }[];
}

/**
 * The draw of an order re-run in the browser (WebCrypto SHA-256): the seed
 * checked against the commitment published before sign-up closed, every
 * candidate's SHA-256(seed:uscc), the smallest wins — compared with the
 * published winner. The same arithmetic as `sha256sum`.
 */
export function DrawRerun({ orderId, revision }: { orderId: number; revision: number }) {
  const { t } = useTranslation('marketOrders');
  const draw = useAsync(() => getDraw(orderId), [orderId, revision]);
  const [rerun, setRerun] = useState<Rerun | null>(null);
  const d: DrawReport | undefined = draw.data;
  useEffect(() => {
    let live = true;
    if (!d?.seed) return setRerun(null);
    const seed = d.seed;
    void (async () => {
      const seedOk = (await sha256Hex(seed)) === d.commitment;
      const pool = d.candidates.filter((c) => !c.declined);
      const tickets = await Promise.all(pool.map(async (c) => ({ agencyId: c.agencyId, name: c.name, uscc: c.uscc, hash: await sha256Hex(`${seed}:${c.uscc}`) })));
      tickets.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
      if (live) setRerun({ seedOk, tickets });
    })();
    return () => {
      live = false;
    };
  }, [d]);
  if (!d || d.method === 'direct') return null;
  const winner = rerun?.tickets[0];
  const bidding = d.method === 'bidding';
  return (
    <Card size="small" title={t('draw.title')} data-testid="draw-rerun">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('field.commitment')}：<Typography.Text code className="licence-id" data-testid="draw-commitment">{d.commitment}</Typography.Text>
        </Typography.Text>
        {!d.seed && <Typography.Text type="secondary">{t('draw.notYet')}</Typography.Text>}
        {d.seed && (
          <>
            <Typography.Text>
              {t('draw.seed')}：<Typography.Text code className="licence-id" data-testid="draw-seed">{d.seed}</Typography.Text>
            </Typography.Text>
            {rerun && <Alert type={rerun.seedOk ? 'success' : 'error'} showIcon title={rerun.seedOk ? t('draw.seedMatches') : t('draw.seedMismatch')} />}
            <Typography.Text type="secondary">{t('draw.explain')}</Typography.Text>
            {rerun?.tickets.map((x, i) => (
              <Typography.Text key={x.agencyId} style={{ fontSize: 12, wordBreak: 'break-all' }} strong={i === 0}>
                {i + 1}. {x.name}（{x.uscc}）{t('draw.hash')} {x.hash}
              </Typography.Text>
            ))}
            {winner && !bidding && (
              <Alert
                data-testid="draw-rerun-result"
                data-same={String(winner.agencyId === d.winnerAgencyId)}
                type={winner.agencyId === d.winnerAgencyId ? 'success' : 'error'}
                showIcon
                title={`${t('draw.winner', { name: winner.name })}：${winner.agencyId === d.winnerAgencyId ? t('draw.same') : t('draw.differs')}`}
              />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('draw.shell')} <Typography.Text code>{`printf '%s' '${d.seed}:<USCC>' | sha256sum`}</Typography.Text>
            </Typography.Text>
          </>
        )}
      </Space>
    </Card>
  );
}
