import type { Server, Socket } from 'socket.io';
import type { UserRow } from '../../db/repositories/users';
import type { ClientToServerEvents, ServerToClientEvents } from '../../workflows/socketContract';
import type { OutboxPayload } from '../commands/writeHelpers';

/** What a server process tells the others (through the Redis adapter): a published event, and, once its counting committed, the centres whose counters moved. */
export interface InterServerEvents {
  'case:committed': (p: OutboxPayload) => void;
  'stats:dirty': (centrePaths: string[]) => void;
  /** A user was saved: other processes drop their cached row before the user's sockets are cut. */
  'user:saved': (userId: number) => void;
}

export interface SocketData {
  user?: UserRow;
  /** The case an applicant without an account proved a query code for in the handshake. */
  caseNo?: string;
  /** A socket that asked to watch the public market (no account needed). */
  market?: boolean;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
