import type { WebSocket } from 'ws';
import type { Role } from '../../shared/roles';
import { CloseCodes } from '../../shared/closeCodes';
import type { RelayLimits } from './relayLimits';

type Close = { code: number; reason: string };

let nextId = 1;

/**
 * One client's WebSocket, authenticated with a role at upgrade time.
 *
 * It owns the per-connection limits (message rate, slow consumer) and buffers incoming frames
 * until its room is ready, so frames are always handled in the order they arrived.
 */
export class Connection {
  readonly id = `c${nextId++}`;
  readonly openedAt = Date.now();
  /** Awareness client ids this connection owns (announced first; see PresenceGate); removed when it closes. */
  readonly awarenessClients = new Set<number>();
  /** When the last frame arrived (ms since the epoch): a silent connection's presence ids may be taken over. */
  lastMessageAt = Date.now();
  /** When a query-awareness was last answered, and the timer of a deferred answer. */
  lastQueryAnswerAt = 0;
  queryTimer: NodeJS.Timeout | null = null;
  /**
   * The room's update sequence its initial state (sync step 2) covered: updates up to it are
   * not forwarded to this connection again.
   */
  syncedUpTo = 0;
  /** Bytes of initial-state frames still on their way out: they do not count as a slow consumer. */
  private initialBytes = 0;
  /** Set when the client wrote something and has not yet been told what is durable. */
  ackOwed = false;
  /** Write frames (sync step 2 and update) received from this client and applied. */
  writesReceived = 0;
  alive = true;
  closed = false;
  messagesIn = 0;
  messagesOut = 0;
  private tokens: number;
  private lastRefill = Date.now();
  private buffered: Uint8Array[] | null = [];
  private handler: ((data: Uint8Array) => void) | null = null;

  constructor(
    readonly ws: WebSocket,
    readonly boardId: string,
    readonly role: Role,
    readonly wantsAck: boolean,
    private readonly limits: RelayLimits,
    /** Who connected: the sha256 of the link's token and the client's address (for per-link and per-address limits; never logged). */
    readonly origin: { tokenHash: string; address: string } = { tokenHash: '', address: '' },
  ) {
    this.tokens = limits.messageBurst;
  }

  /** Token bucket: false when the client sends faster than the configured rate allows. */
  takeMessageToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(
      this.limits.messageBurst,
      this.tokens + ((now - this.lastRefill) / 1000) * this.limits.messagesPerSecond,
    );
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Receives a frame: handed to the room when attached, buffered before. */
  receive(data: Uint8Array): void {
    this.messagesIn++;
    this.lastMessageAt = Date.now();
    if (this.handler) this.handler(data);
    else this.buffered?.push(data);
  }

  /** Attaches the room's handler and replays buffered frames in order. */
  attach(handler: (data: Uint8Array) => void): void {
    const pending = this.buffered ?? [];
    this.buffered = null;
    this.handler = handler;
    for (const data of pending) {
      if (this.closed) return;
      handler(data);
    }
  }

  /**
   * Sends a frame; closes a slow consumer (more than maxBufferedBytes waiting) instead. An
   * `initial` frame (a document's whole state on joining, which may be larger than that limit
   * by itself) is exempt while it drains: its bytes are not counted against the limit until
   * the socket has written them.
   */
  send(frame: Uint8Array, options: { initial?: boolean } = {}): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount - this.initialBytes > this.limits.maxBufferedBytes) {
      this.close(CloseCodes.SlowConsumer, 500);
      return;
    }
    this.messagesOut++;
    if (options.initial) {
      const size = frame.byteLength;
      this.initialBytes += size;
      this.ws.send(frame, () => {
        this.initialBytes -= size;
      });
      return;
    }
    // No per-frame callback: a failing socket reports through its 'error' and 'close' events.
    this.ws.send(frame);
  }

  /** Sends a close frame; terminates the socket if the peer has not finished closing in time. */
  close(close: Close, terminateAfterMs = 5_000): void {
    if (this.closed) return;
    this.closed = true;
    this.clearTimers();
    try {
      this.ws.close(close.code, close.reason);
    } catch {
      this.ws.terminate();
    }
    // A peer that never completes the closing handshake must not keep the socket open.
    setTimeout(() => this.ws.terminate(), terminateAfterMs).unref();
  }

  terminate(): void {
    this.closed = true;
    this.clearTimers();
    this.ws.terminate();
  }

  clearTimers(): void {
    if (this.queryTimer) clearTimeout(this.queryTimer);
    this.queryTimer = null;
  }
}
