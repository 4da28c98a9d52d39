import type { Socket } from 'node:net';

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or
 * URL too long, broken request line) still answer in the API's error shape,
 * not with an empty 400/431.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const error = tooLarge
    ? { code: 'HEADERS_TOO_LARGE', message: 'The request line or headers are too large' }
    : { code: 'MALFORMED_REQUEST', message: 'The request could not be parsed' };
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
