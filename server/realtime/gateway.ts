import type { Server as HttpServer } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server } from 'socket.io';
import { findCaseByNo } from '../../db/repositories/cases';
import { findUserById } from '../../db/repositories/users';
import type { Ack, SocketError } from '../../workflows/socketContract';
import { rooms } from '../../workflows/socketContract';
import type { Actor } from '../auth/actor';
import { queryCodeMatches } from '../auth/queryCode';
import { verifyToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { canViewCase } from '../policies/cases';
import type { OutboxPayload } from '../commands/writeHelpers';
import { CaseFanout } from './caseFanout';
import { StatsThrottle } from './statsThrottle';
import { deskOfUser } from './desks';
import type { IoServer, IoSocket } from './types';

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
}

export function attachGateway(ctx: AppContext, http: HttpServer): Gateway {
  const io: IoServer = new Server(http, { serveClient: false, cors: { origin: false } });
  const fanout = new CaseFanout(ctx.db.knex, ctx.log);
  const stats = new StatsThrottle(ctx, io);
  // Wrong query codes over sockets get a budget of their own, the same size as over HTTP, per process.
  const guesses = new RateLimiterMemory({ points: ctx.config.QUERY_CODE_MAX_FAILURES, duration: ctx.config.QUERY_CODE_WINDOW_MINUTES * 60 });

  const codeFails = async (ip: string) => {
    try {
      await guesses.consume(ip);
      return false;
    } catch {
      return true;
    }
  };
  const blocked = async (ip: string) => ((await guesses.get(ip))?.remainingPoints ?? 1) <= 0;

  io.use(async (socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const ip = socket.handshake.address;
    try {
      if (typeof auth.token === 'string') {
        const id = verifyToken(auth.token, ctx.config.JWT_SECRET);
        const user = id ? await findUserById(ctx.db.knex, id) : undefined;
        if (!user || !user.active) return next(fail('INVALID_TOKEN', 'The token is invalid or expired; log in again'));
        socket.data.user = user;
        return next();
      }
      if (typeof auth.caseNo === 'string' && typeof auth.queryCode === 'string') {
        if (await blocked(ip)) return next(fail('RATE_LIMITED', 'Too many failed case lookups; wait and try again'));
        const row = await findCaseByNo(ctx.db.knex, auth.caseNo);
        if (!row || !queryCodeMatches(auth.queryCode, row.queryCodeSalt, row.queryCodeHash)) {
          await codeFails(ip);
          return next(fail('CASE_NOT_FOUND', 'No case with this number and query code'));
        }
        socket.data.caseNo = row.caseNo;
        return next();
      }
      next(fail('UNAUTHENTICATED', 'Send a token, or a case number and its query code, in the handshake auth'));
    } catch (err) {
      ctx.log.error({ err }, 'socket handshake failed');
      next(fail('INTERNAL', 'Something went wrong on our side'));
    }
  });

  io.on('connection', (socket: IoSocket) => {
    const user = socket.data.user;
    if (user) {
      const desk = deskOfUser(user);
      if (desk) void socket.join(desk);
      if (user.role === 'supervisor' || user.role === 'admin') {
        void socket.join(rooms.stats(user.jurisdictionCode));
        // A wall screen shows its counters at once, not at the next change.
        void stats.sendTo(socket, user.jurisdictionCode);
      }
    }

    socket.on('case:subscribe', async (req, ack) => {
      try {
        const caseNo = typeof req?.caseNo === 'string' ? req.caseNo : '';
        const sinceSeq = Number.isInteger(req?.sinceSeq) && req.sinceSeq >= 0 ? req.sinceSeq : 0;
        if (!user && socket.data.caseNo !== caseNo && (await blocked(socket.handshake.address))) {
          return reply(ack, { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many failed case lookups; wait and try again' } });
        }
        const row = caseNo ? await findCaseByNo(ctx.db.knex, caseNo) : undefined;
        let actor: Actor | null = null;
        if (row && user) actor = { kind: 'user', user };
        else if (row && (socket.data.caseNo === row.caseNo || (typeof req.queryCode === 'string' && queryCodeMatches(req.queryCode, row.queryCodeSalt, row.queryCodeHash)))) {
          actor = { kind: 'queryCode', caseNo: row.caseNo };
        }
        if (!row || !actor) {
          if (!user) await codeFails(socket.handshake.address);
          return reply(ack, { ok: false, error: { code: 'CASE_NOT_FOUND', message: 'No case with this number and query code' } });
        }
        if (!canViewCase(actor, row)) {
          return reply(ack, { ok: false, error: { code: 'FORBIDDEN', message: 'This case is outside your role or jurisdiction' } });
        }
        const replayed = await fanout.subscribe(socket, row.caseNo, row.id, sinceSeq);
        reply(ack, { ok: true, caseNo: row.caseNo, lastSeq: row.lastSeq, replayed });
      } catch (err) {
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
  const onPublished = (p: OutboxPayload) => {
    fanout.deliver(p.live);
    stats.touch(p.centrePath);
  };
  // Rows published by another process arrive here through the Redis adapter.
  io.on('case:committed', onPublished);
  return { io, fanout, stats, onPublished };
}
