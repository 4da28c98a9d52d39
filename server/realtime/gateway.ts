import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { findCaseByNo } from '../../db/repositories/cases';
import type { Ack, SocketError } from '../../workflows/socketContract';
import { rooms } from '../../workflows/socketContract';
import type { Actor } from '../auth/actor';
import { queryCodeMatches } from '../auth/queryCode';
import { userOfToken } from '../auth/tokenUser';
import type { AppContext } from '../context';
import { canViewCase } from '../policies/cases';
import { socketOrigins } from '../http/security';
import type { OutboxPayload } from '../commands/writeHelpers';
import { CaseFanout } from './caseFanout';
import { StatsThrottle } from './statsThrottle';
import { deskOfUser } from './desks';
import { cutSocketsOnUserChange, recheckAfterJoin } from './revocation';
import type { IoServer, IoSocket } from './types';
import { addressFrom } from '../security/clientAddress';
import { RateLimitedError, type RateLimits } from '../security/rateLimits';

function fail(code: string, message: string): Error & { data: SocketError } {
  return Object.assign(new Error(message), { data: { code, message } });
}

function reply<T>(ack: Ack<T> | undefined, res: Parameters<Ack<T>>[0]): void {
  if (typeof ack === 'function') ack(res);
}

/**
 * The Socket.IO side: a socket must prove who it is in the handshake, joins
 * only the rooms its user may see, and subscribes to single cases with a
 * replay from the event table.
 */
export interface Gateway {
  io: IoServer;
  fanout: CaseFanout;
  stats: StatsThrottle;
  onPublished: (p: OutboxPayload) => void;
  /** Centres whose read-model counters changed (after the publisher's commit): the supervisors' counters above them are recounted. */
  onCounted: (centrePaths: string[]) => void;
}

export function attachGateway(ctx: AppContext, http: HttpServer, limits: RateLimits): Gateway {
  const io: IoServer = new Server(http, { serveClient: false, ...socketOrigins(ctx.config.CORS_ORIGINS) });
  const fanout = new CaseFanout(ctx.db.knex, ctx.log);
  const stats = new StatsThrottle(ctx, io);
  // Wrong query codes spend the per-address budget that HTTP spends too, in the store every process shares,
  // keyed by the same client address (TRUST_PROXY decides whether X-Forwarded-For names it).
  const addressOf = (socket: IoSocket) => addressFrom(socket.handshake.headers, socket.handshake.address, limits.trust);

  io.use(async (socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    try {
      if (typeof auth.token === 'string') {
        const user = await userOfToken(ctx, auth.token);
        if (!user) return next(fail('INVALID_TOKEN', 'The token is invalid or expired; log in again'));
        socket.data.user = user;
        return next();
      }
      if (typeof auth.caseNo === 'string' && typeof auth.queryCode === 'string') {
        const { caseNo, queryCode } = auth;
        const row = await findCaseByNo(ctx.db.knex, caseNo);
        const right = await limits.queryCodeAttempt(addressOf(socket), () => Boolean(row && queryCodeMatches(queryCode, row.queryCodeSalt, row.queryCodeHash)));
        if (!row || !right) return next(fail('CASE_NOT_FOUND', 'No case with this number and query code'));
        socket.data.caseNo = row.caseNo;
        return next();
      }
      if (auth.market === true) {
        socket.data.market = true;
        return next();
      }
      next(fail('UNAUTHENTICATED', 'Send a token, a case number and its query code, or market: true, in the handshake auth'));
    } catch (err) {
      if (err instanceof RateLimitedError) return next(fail('RATE_LIMITED', err.message));
      ctx.log.error({ err }, 'socket handshake failed');
      next(fail('INTERNAL', 'Something went wrong on our side'));
    }
  });

  io.on('connection', (socket: IoSocket) => {
    const user = socket.data.user;
    // The public market room carries public fields only; anyone may watch it (a page asks with market: true).
    if (socket.data.market) void socket.join(rooms.market());
    if (user) {
      void socket.join(rooms.user(user.id));
      const desk = deskOfUser(user);
      if (desk) void socket.join(desk);
      if (user.role === 'supervisor' || user.role === 'admin') {
        void socket.join(rooms.stats(user.jurisdictionCode));
        if (user.role === 'supervisor') void socket.join(rooms.supervision(user.jurisdictionCode));
        // A wall screen shows its counters at once, not at the next change.
        void stats.sendTo(socket, user.jurisdictionCode);
      }
      void recheckAfterJoin(ctx, socket, user);
    }

    socket.on('case:subscribe', async (req, ack) => {
      try {
        const caseNo = typeof req?.caseNo === 'string' ? req.caseNo : '';
        const sinceSeq = Number.isInteger(req?.sinceSeq) && req.sinceSeq >= 0 ? req.sinceSeq : 0;
        const row = caseNo ? await findCaseByNo(ctx.db.knex, caseNo) : undefined;
        let actor: Actor | null = null;
        if (row && user) actor = { kind: 'user', user };
        else if (row && socket.data.caseNo === row.caseNo) actor = { kind: 'queryCode', caseNo: row.caseNo };
        else if (!user && typeof req.queryCode === 'string') {
          // A presented code is a guess (refunded if right); a socket's own case needs none.
          const code = req.queryCode;
          const right = await limits.queryCodeAttempt(addressOf(socket), () => Boolean(row && queryCodeMatches(code, row.queryCodeSalt, row.queryCodeHash)));
          if (row && right) actor = { kind: 'queryCode', caseNo: row.caseNo };
        }
        // A case this user may not see answers as one that does not exist: nobody learns which numbers exist.
        if (!row || !actor || !canViewCase(actor, row)) {
          return reply(ack, { ok: false, error: { code: 'CASE_NOT_FOUND', message: 'No case with this number and query code' } });
        }
        // A client that claims events the case does not have holds another history (a restored database):
        // it must start again from 0 (docs/live.md), rather than silently miss events up to its sinceSeq.
        if (sinceSeq > row.lastSeq) {
          fanout.unsubscribe(socket.id, row.caseNo);
          return reply(ack, { ok: false, error: { code: 'SINCE_SEQ_AHEAD', message: `This case's last event is #${row.lastSeq}, before sinceSeq ${sinceSeq}: discard what you hold and subscribe with sinceSeq 0` } });
        }
        const replayed = await fanout.subscribe(socket, row.caseNo, row.id, sinceSeq);
        reply(ack, { ok: true, caseNo: row.caseNo, lastSeq: row.lastSeq, replayed });
      } catch (err) {
        if (err instanceof RateLimitedError) return reply(ack, { ok: false, error: { code: 'RATE_LIMITED', message: err.message } });
        ctx.log.error({ err }, 'case:subscribe failed');
        reply(ack, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
      }
    });

    socket.on('case:unsubscribe', (req, ack) => {
      const caseNo = typeof req?.caseNo === 'string' ? req.caseNo : null;
      fanout.unsubscribe(socket.id, caseNo ?? undefined);
      reply(ack, { ok: true, caseNo });
    });

    socket.on('disconnect', () => fanout.unsubscribe(socket.id));
  });

  // What this process does with every published row, whichever process published it.
  const onPublished = (p: OutboxPayload) => fanout.deliver(p.live);
  const onCounted = (centrePaths: string[]) => {
    for (const path of centrePaths) stats.touch(path);
  };
  // Events published by another process arrive here through the Redis adapter.
  io.on('case:committed', onPublished);
  io.on('stats:dirty', onCounted);
  http.once('close', cutSocketsOnUserChange(ctx, io));
  return { io, fanout, stats, onPublished, onCounted };
}
