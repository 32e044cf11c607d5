import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { isBoardId } from '../../shared/ids';
import { clientAddress, vouchForAddress } from '../runtime/clientAddress';
import type { Logger } from '../runtime/log';
import type { Relay } from '../sync/Relay';
import { roomAddress } from '../sync/upgrade';
import type { ClusterNode } from './ClusterNode';
import { forwardHeaders, vouchedAddress } from './forwarding';
import { boardOfRequest, proxyHttp, proxyUpgrade } from './proxy';

interface RoutingOptions {
  cluster: ClusterNode | undefined;
  key: Buffer | null;
  app: { handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> };
  relay: Relay;
  logger: Logger;
  trustProxy: boolean;
  isDraining: () => boolean;
}

/** Where the server's requests and upgrades go: here, or (distributed mode) to the board's owner. */
export function clusterRouting({ cluster, key, app, relay, logger, trustProxy, isDraining }: RoutingOptions) {
  /**
   * Distributed mode: a board-scoped request for a board another node serves is passed on to
   * that node, with the client's address signed; one passed on by a node is served here.
   */
  const routeRequest = async (node: ClusterNode, key: Buffer, req: http.IncomingMessage, res: http.ServerResponse) => {
    const vouched = vouchedAddress(key, req);
    if (vouched !== null) vouchForAddress(req, vouched);
    const board = vouched === null ? boardOfRequest(pathOf(req.url)) : null;
    const owner = board ? await node.routeOf(board) : null;
    if (!owner) return app.handle(req, res);
    const headers = forwardHeaders(key, node.nodeId, clientAddress(req, trustProxy), req);
    proxyHttp(req, res, owner.nodeUrl, headers, (error) => {
      logger.warn('cluster.owner_unreachable', { board, owner: owner.nodeId, error: error.message });
      const retryAfter = String(Math.max(1, Math.ceil(owner.expiresInMs / 1000)));
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': retryAfter });
      res.end(JSON.stringify({ error: 'board_unavailable', message: 'The server of this board is not answering; try again in a few seconds.' }));
    });
  };
  /** Like routeRequest, for a board's WebSocket: piped through to the board's owner. */
  const routeUpgrade = async (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!cluster || !key) return relay.handleUpgrade(req, socket, head);
    const vouched = vouchedAddress(key, req);
    if (vouched !== null) vouchForAddress(req, vouched);
    const address = roomAddress(pathOf(req.url));
    const owner = address && isBoardId(address.boardId) && !isDraining() ? await cluster.routeOf(address.boardId) : null;
    if (!owner) return relay.handleUpgrade(req, socket, head);
    const retryAfter = Math.max(1, Math.ceil(owner.expiresInMs / 1000));
    // Passed on once already: never again (the two nodes disagree for a moment; the client retries).
    if (vouched !== null) return refuseUpgrade(socket, retryAfter);
    const headers = forwardHeaders(key, cluster.nodeId, clientAddress(req, trustProxy), req);
    proxyUpgrade(req, socket, head, owner.nodeUrl, headers, (error) => {
      logger.warn('cluster.owner_unreachable', { board: address!.boardId, owner: owner.nodeId, error: error.message });
      refuseUpgrade(socket, retryAfter);
    });
  };
  return { routeRequest, routeUpgrade };
}

/** Answers an upgrade the board's owner cannot take now with 503 and when to try again. */
function refuseUpgrade(socket: Duplex, retryAfterSeconds: number): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${retryAfterSeconds}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The path of a request target, without its query string. */
function pathOf(target: string | undefined): string {
  const raw = (target ?? '/').split('?', 1)[0];
  return raw.startsWith('/') ? raw : '/';
}
