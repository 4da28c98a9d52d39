/**
 * Follow one case live from a terminal, as an applicant without an account:
 *
 *   npm run follow -- <caseNo> <queryCode> [http://localhost:3000]
 *
 * Prints every event of the case in order (history first, then live), and
 * after a dropped connection resubscribes from the last seq it printed, so
 * nothing is missed or printed twice.
 */
import { io, type Socket } from 'socket.io-client';
import type { CaseUpdated, ClientToServerEvents, ServerToClientEvents } from '../workflows/socketContract';

const [caseNo, queryCode, url = 'http://localhost:3000'] = process.argv.slice(2);
if (!caseNo || !queryCode) {
  console.error('usage: npm run follow -- <caseNo> <queryCode> [server url]');
  process.exit(2);
}

const LEVEL_ZH: Record<string, string> = { province: '省', city: '市', county: '县区', town: '乡镇街道', village: '村社区' };
let lastSeq = 0;
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth: { caseNo, queryCode }, transports: ['websocket'] });

function line(e: CaseUpdated): string {
  const where = `${LEVEL_ZH[e.level] ?? e.level} ${e.jurisdictionCode}`;
  const clock = e.deadline ? `light ${e.light}, due ${e.deadline}` : `light ${e.light}, clock paused or stopped`;
  return `#${e.seq} ${e.at} ${e.type.padEnd(17)} → ${e.state} (${e.step} @ ${where}); ${clock}${e.replay ? '  [history]' : ''}`;
}

async function subscribe(): Promise<void> {
  const since = lastSeq;
  const ack = await socket.emitWithAck('case:subscribe', { caseNo, sinceSeq: since });
  if (!ack.ok && ack.error.code === 'SINCE_SEQ_AHEAD') {
    // The server's history is not the one printed (a restored database): start again from its first event.
    console.log(`-- the server has fewer events than the #${since} printed; printing its history again from #1`);
    lastSeq = 0;
    return subscribe();
  }
  if (!ack.ok) {
    console.error(`refused: ${ack.error.code}: ${ack.error.message}`);
    process.exit(1);
  }
  console.log(`-- following ${ack.caseNo} (server has ${ack.lastSeq} events; ${ack.replayed} replayed after #${since})`);
}

socket.on('connect', () => void subscribe());
socket.on('case:updated', (e) => {
  if (e.seq <= lastSeq) return;
  lastSeq = e.seq;
  console.log(line(e));
});
socket.on('connect_error', (err) => {
  const data = (err as Error & { data?: { code: string } }).data;
  if (data) {
    console.error(`refused: ${data.code}: ${err.message}`);
    process.exit(1);
  }
  console.error(`-- cannot reach ${url} (${err.message}); retrying`);
});
socket.on('disconnect', (reason) => console.log(`-- disconnected (${reason}); will resubscribe after #${lastSeq}`));
process.on('SIGINT', () => {
  socket.close();
  process.exit(0);
});
