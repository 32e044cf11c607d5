import http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The board a request works on through its live room, when the request is board-scoped: the
 * board's own API (`/api/boards/<id>/…`, `/api/boards/<id>`), a partnership's edits of one of
 * its boards and a cohort's link rotation of one of its boards (which closes that board's
 * sockets). Null for anything else (creation, cohorts, pages, assets).
 */
export function boardOfRequest(pathname: string): string | null {
  const match =
    /^\/api\/boards\/([^/]+)(?:\/|$)/.exec(pathname) ??
    /^\/api\/partnerships\/[^/]+\/boards\/([^/]+)\//.exec(pathname) ??
    /^\/api\/cohorts\/[^/]+\/boards\/([^/]+)\//.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Headers that belong to one hop and are never passed on (RFC 9110 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-authenticate']);

function passedOn(headers: http.IncomingHttpHeaders, extra: Record<string, string>, keepUpgrade: boolean): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || (HOP_BY_HOP.has(name) && !(keepUpgrade && (name === 'upgrade' || name === 'connection')))) continue;
    out[name] = value;
  }
  return { ...out, ...extra };
}

/** How long a proxied request may wait for the owner's answer to begin. */
const OWNER_TIMEOUT_MS = 10_000;

/**
 * Every request passed on opens its own connection to the owner (`agent: false`), never a pooled
 * keep-alive one: the owner closes an idle connection after its keep-alive timeout, and a node
 * busy at that moment would send the next request on the closed connection before reading the
 * close (a reset, answered 503 though the owner is well). A connection on the cluster's network
 * costs far less than a request of the board API.
 */
const OWN_CONNECTION = { agent: false } as const;

/**
 * Passes an HTTP request on to the node that owns its board and streams the answer back. The
 * owner unreachable: `unreachable` answers (503 with Retry-After).
 */
export function proxyHttp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ownerUrl: string,
  extraHeaders: Record<string, string>,
  unreachable: (error: Error) => void,
): void {
  const target = new URL(req.url ?? '/', ownerUrl);
  const outgoing = http.request(target, { ...OWN_CONNECTION, method: req.method, headers: passedOn(req.headers, extraHeaders, false), timeout: OWNER_TIMEOUT_MS });
  let answered = false;
  outgoing.on('response', (answer) => {
    answered = true;
    const headers = passedOn(answer.headers, {}, false);
    res.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(res);
    answer.on('error', () => res.destroy());
  });
  outgoing.on('timeout', () => outgoing.destroy(new Error('the owner did not answer in time')));
  outgoing.on('error', (error) => {
    if (!answered && !res.headersSent) unreachable(error);
    else res.destroy();
  });
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}

/**
 * Passes a WebSocket upgrade on to the board's owner: the owner's answer (101, or a refusal
 * such as 401) goes back to the client as it came, and after a 101 the two sockets are piped
 * into each other until either closes.
 */
export function proxyUpgrade(
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  ownerUrl: string,
  extraHeaders: Record<string, string>,
  unreachable: (error: Error) => void,
): void {
  const target = new URL(req.url ?? '/', ownerUrl);
  const outgoing = http.request(target, { ...OWN_CONNECTION, method: 'GET', headers: passedOn(req.headers, extraHeaders, true), timeout: OWNER_TIMEOUT_MS });
  let answered = false;
  socket.on('close', () => outgoing.destroy());
  outgoing.on('upgrade', (answer, ownerSocket, ownerHead) => {
    answered = true;
    outgoing.setTimeout(0);
    ownerSocket.setTimeout(0);
    socket.write(statusHead(answer));
    if (ownerHead.length > 0) socket.write(ownerHead);
    if (head.length > 0) ownerSocket.write(head);
    ownerSocket.pipe(socket);
    socket.pipe(ownerSocket);
    ownerSocket.on('error', () => socket.destroy());
    ownerSocket.on('close', () => socket.destroy());
    socket.on('error', () => ownerSocket.destroy());
    socket.on('close', () => ownerSocket.destroy());
  });
  outgoing.on('response', (answer) => {
    // Refused by the owner (401, 404, 503…): the same answer, then the socket closes.
    answered = true;
    socket.write(statusHead(answer));
    answer.pipe(socket);
  });
  outgoing.on('timeout', () => outgoing.destroy(new Error('the owner did not answer in time')));
  outgoing.on('error', (error) => {
    if (!answered) unreachable(error);
    else socket.destroy();
  });
  outgoing.end();
}

/** An answer's status line and headers, as raw HTTP/1.1. */
function statusHead(answer: http.IncomingMessage): string {
  const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage ?? ''}`];
  for (let i = 0; i < answer.rawHeaders.length; i += 2) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
