import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AgencyUpdated, MarketOrderUpdated, MarketRatingUpdated, ProjectUpdated, ProxyOrderUpdated, RectificationUpdated, CaseUpdated, CaseUrged, CertificateUpdated, ClientToServerEvents, HandshakeAuth, LicenceUpdated, PostCheckUpdated, QueueChanged, ServerToClientEvents, StatsChanged } from '../api/types';
import { session } from '../session';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = 'connecting' | 'live' | 'offline';

function connect(auth: HandshakeAuth): LiveSocket {
  const s: LiveSocket = io({ auth, transports: ['websocket', 'polling'] });
  if ('token' in auth) {
    // The account changed (password, role, placement, deactivated): the server says so, then cuts the socket.
    s.on('auth:revoked', () => session.end('revoked'));
    s.on('connect_error', (err) => {
      if ((err as Error & { data?: { code?: string } }).data?.code === 'INVALID_TOKEN' && session.token() === auth.token) session.end('expired');
    });
  }
  return s;
}

/** Tracks a socket's connection for the "live" badge. */
function useStatus(socket: LiveSocket | null): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!socket) return;
    const up = () => setStatus('live');
    const down = () => setStatus('offline');
    socket.on('connect', up);
    socket.on('disconnect', down);
    socket.on('connect_error', down);
    return () => {
      socket.off('connect', up);
      socket.off('disconnect', down);
      socket.off('connect_error', down);
    };
  }, [socket]);
  return status;
}

/**
 * Follows one case: subscribes (again after every reconnect, from the last
 * seq seen, so nothing is missed) and calls `onUpdate` for each event.
 * Staff use their token; an applicant the case number and query code.
 */
export function useCaseLive(caseNo: string | null, queryCode: string | null, onUpdate: (e: CaseUpdated) => void): LiveStatus {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const handler = useRef(onUpdate);
  handler.current = onUpdate;
  useEffect(() => {
    if (!caseNo) return;
    const token = session.token();
    const auth: HandshakeAuth | null = token ? { token } : queryCode ? { caseNo, queryCode } : null;
    if (!auth) return;
    const s = connect(auth);
    let lastSeq = 0;
    const subscribe = () =>
      s.emit('case:subscribe', { caseNo, sinceSeq: lastSeq }, (ack) => {
        // The server has fewer events than we saw (a restored database): start again from its first one.
        if (!ack.ok && ack.error.code === 'SINCE_SEQ_AHEAD') {
          lastSeq = 0;
          subscribe();
        }
      });
    s.on('connect', subscribe);
    s.on('case:updated', (e) => {
      if (e.caseNo !== caseNo) return;
      lastSeq = Math.max(lastSeq, e.seq);
      handler.current(e);
    });
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [caseNo, queryCode]);
  return useStatus(socket);
}

/**
 * A logged-in user's own socket: queue changes for their desk, counters for
 * supervisors, licence status changes for a licence's holder and issuing desk.
 */
export function useStaffLive(
  handlers: {
    onQueue?: (e: QueueChanged) => void;
    onStats?: (e: StatsChanged) => void;
    onUrged?: (e: CaseUrged) => void;
    onLicence?: (e: LicenceUpdated) => void;
    onPostCheck?: (e: PostCheckUpdated) => void;
    onCertificate?: (e: CertificateUpdated) => void;
    onAgency?: (e: AgencyUpdated) => void;
    onOrder?: (e: MarketOrderUpdated) => void;
    onRating?: (e: MarketRatingUpdated) => void;
    onProject?: (e: ProjectUpdated) => void;
    onProxy?: (e: ProxyOrderUpdated) => void;
    onRectification?: (e: RectificationUpdated) => void;
  },
  key: string | null,
): LiveStatus {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const token = session.token();
    if (!token || !key) return;
    const s = connect({ token });
    s.on('queue:changed', (e) => ref.current.onQueue?.(e));
    s.on('stats:changed', (e) => ref.current.onStats?.(e));
    s.on('case:urged', (e) => ref.current.onUrged?.(e));
    s.on('licence:updated', (e) => ref.current.onLicence?.(e));
    s.on('postcheck:updated', (e) => ref.current.onPostCheck?.(e));
    s.on('certificate:updated', (e) => ref.current.onCertificate?.(e));
    s.on('agency:updated', (e) => ref.current.onAgency?.(e));
    s.on('order:updated', (e) => ref.current.onOrder?.(e));
    s.on('rating:updated', (e) => ref.current.onRating?.(e));
    s.on('project:updated', (e) => ref.current.onProject?.(e));
    s.on('proxy:updated', (e) => ref.current.onProxy?.(e));
    s.on('rectification:updated', (e) => ref.current.onRectification?.(e));
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [key]);
  return useStatus(socket);
}

/** The public market's socket (no account): announcements, selections, agencies' states, counted ratings. */
export function useMarketLive(handlers: { onAgency?: (e: AgencyUpdated) => void; onOrder?: (e: MarketOrderUpdated) => void; onRating?: (e: MarketRatingUpdated) => void }): LiveStatus {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const s = connect({ market: true });
    s.on('agency:updated', (e) => ref.current.onAgency?.(e));
    s.on('order:updated', (e) => ref.current.onOrder?.(e));
    s.on('rating:updated', (e) => ref.current.onRating?.(e));
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, []);
  return useStatus(socket);
}
