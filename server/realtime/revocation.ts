import { findUserById, type UserRow } from '../../db/repositories/users';
import { forgetUser } from '../auth/userCache';
import { rooms, type AuthRevoked } from '../../workflows/socketContract';
import type { AppContext, UserChanged } from '../context';
import type { IoServer, IoSocket } from './types';

const REVOKED: AuthRevoked = { code: 'TOKEN_REVOKED', message: 'Your account was changed; log in again' };

/**
 * Cuts a user's sockets when a change to the user revokes their tokens. Each
 * authenticated socket sits in its user's room; with the Redis adapter the
 * reason and the disconnect reach that room on every process. The socket
 * then reconnects (if it does) through the handshake, which refuses the old
 * token and gives a new one only the rooms its new role and placement allow.
 */
export function cutSocketsOnUserChange(ctx: AppContext, io: IoServer): () => void {
  const onChange = ({ userId }: UserChanged) => {
    const room = io.in(rooms.user(userId));
    room.emit('auth:revoked', REVOKED);
    room.disconnectSockets(true);
    ctx.log.info({ userId }, 'user changed: their tokens are revoked and their sockets disconnected');
  };
  // Published before the cut, on the same Redis connection, so another process drops its cached row first.
  const onSaved = ({ userId }: UserChanged) => {
    if (ctx.config.REDIS_URL) io.serverSideEmit('user:saved', userId);
  };
  const onRemoteSave = (userId: number) => forgetUser(ctx, userId);
  ctx.events.on('userSaved', onSaved);
  ctx.events.on('userChanged', onChange);
  io.on('user:saved', onRemoteSave);
  return () => {
    ctx.events.off('userSaved', onSaved);
    ctx.events.off('userChanged', onChange);
    io.off('user:saved', onRemoteSave);
  };
}

/**
 * Called once the socket has joined its rooms: a change that committed
 * between the handshake's check and the join found no socket in the user's
 * room to cut, so the row is read once more here.
 */
export async function recheckAfterJoin(ctx: AppContext, socket: IoSocket, user: UserRow): Promise<void> {
  try {
    const fresh = await findUserById(ctx.db.knex, user.id);
    if (fresh && fresh.active && fresh.tokenVersion === user.tokenVersion) return;
  } catch (err) {
    ctx.log.error({ err }, 'socket re-check of its user failed: disconnecting it');
  }
  socket.emit('auth:revoked', REVOKED);
  socket.disconnect(true);
}
