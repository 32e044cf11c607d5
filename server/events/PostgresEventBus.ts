import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../runtime/log';
import { type Envelope, type EventBus, Subscribers, type Topic } from './EventBus';

/** The one PostgreSQL channel every node listens on. */
export const EVENT_CHANNEL = 'boards_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a message past this is dropped (and logged). */
export const MAX_PAYLOAD_BYTES = 7900;
/** NOTIFYs sent in one query when events queue up. */
const BATCH = 25;
/** An internal topic: "I could not send for a while; read again what you show". */
const RESYNC_TOPIC = '~resync';

export interface PostgresEventBusOptions {
  /** Where NOTIFY is sent from: the store's pool (a short query outside any write transaction). */
  pool: pg.Pool;
  /** How the dedicated listening connection connects (the store's connection settings). */
  connection: pg.ClientConfig;
  logger: Logger;
  /** Reconnect backoff of the listening connection (ms): doubles from min to max, with jitter. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

/**
 * The distributed mode's bus: PostgreSQL LISTEN/NOTIFY on one channel.
 *
 * Receiving: one dedicated `pg.Client` (never from the pool: a LISTEN belongs to its session)
 * listens. When that connection drops (the database restarts, an administrator ends it, the
 * network cuts) it reconnects with backoff and jitter (from reconnectMinMs doubling to
 * reconnectMaxMs), LISTENs again, and calls the resync handlers: whatever was sent meanwhile is
 * lost, so consumers read their state again.
 *
 * Sending: `publish` queues; one query at a time takes up to 25 queued events as `pg_notify`
 * calls on a pool connection, in autocommit, so a NOTIFY never rides inside (or holds up) a
 * write transaction, and one node's events arrive in the order it sent them. A payload is an
 * envelope `{ t, n, d }` (topic, sending bus, data) of at most MAX_PAYLOAD_BYTES; events carry
 * ids and let the receiver read the rest. A send that fails (the database is down) is dropped;
 * the next send that succeeds is preceded by a resync message, so nobody relies on what was lost.
 */
export class PostgresEventBus implements EventBus {
  readonly id = randomUUID();
  private readonly subscribers: Subscribers;
  private readonly pool: pg.Pool;
  private readonly connection: pg.ClientConfig;
  private readonly logger: Logger;
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly queue: string[] = [];
  private sending: Promise<void> | null = null;
  private sendFailed = false;
  private closed = false;
  private client: pg.Client | null = null;
  private wake: (() => void) | null = null;
  private readonly running: Promise<void>;
  private readonly firstListen: Promise<void>;
  private listened!: () => void;
  /** Times the listening connection was made again after a loss (tests, logs). */
  reconnects = 0;

  constructor(options: PostgresEventBusOptions) {
    this.pool = options.pool;
    this.connection = { ...options.connection, keepAlive: true };
    this.logger = options.logger;
    this.minMs = options.reconnectMinMs ?? 100;
    this.maxMs = options.reconnectMaxMs ?? 5000;
    this.subscribers = new Subscribers((topic, error) => this.logger.error('events.handler_failed', { topic, error }));
    this.firstListen = new Promise((resolve) => (this.listened = resolve));
    this.running = this.listen();
  }

  /** Resolves once the bus listens (the first time). */
  ready(): Promise<void> {
    return this.firstListen;
  }

  /** The listening connection's backend process id (tests cut it with pg_terminate_backend); null while reconnecting. */
  get listenerPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  publish<T>(topic: Topic<T>, data: T): void {
    if (this.closed) return;
    const payload = JSON.stringify({ t: topic.name, n: this.id, d: data } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      this.logger.warn('events.too_large', { topic: topic.name, bytes: Buffer.byteLength(payload) });
      return;
    }
    this.queue.push(payload);
    this.sending ??= this.send().finally(() => (this.sending = null));
  }

  subscribe<T>(topic: Topic<T>, handler: (data: T) => void): () => void {
    return this.subscribers.add(topic, handler);
  }

  onResync(handler: () => void): () => void {
    return this.subscribers.addResync(handler);
  }

  private async send(): Promise<void> {
    while (this.queue.length && !this.closed) {
      const batch = this.queue.splice(0, BATCH);
      if (this.sendFailed) batch.unshift(JSON.stringify({ t: RESYNC_TOPIC, n: this.id, d: null } satisfies Envelope));
      const calls = batch.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ');
      try {
        await this.pool.query(`SELECT ${calls}`, [EVENT_CHANNEL, ...batch]);
        if (this.sendFailed) this.logger.info('events.send_resumed', {});
        this.sendFailed = false;
      } catch (error) {
        if (!this.sendFailed) this.logger.warn('events.send_failed', { error, dropped: batch.length });
        this.sendFailed = true;
      }
    }
  }


  private receive(message: pg.Notification): void {
    if (message.channel !== EVENT_CHANNEL || !message.payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message.payload) as Envelope;
    } catch {
      return;
    }
    if (!envelope || typeof envelope.t !== 'string' || envelope.n === this.id) return;
    if (envelope.t === RESYNC_TOPIC) this.subscribers.resync();
    else this.subscribers.deliver(envelope.t, envelope.d);
  }

  /** Keeps one listening connection until close: connect, LISTEN, wait for its end, again. */
  private async listen(): Promise<void> {
    let delay = this.minMs;
    let listenedBefore = false;
    let failures = 0;
    while (!this.closed) {
      const client = new pg.Client(this.connection);
      const ended = new Promise<unknown>((resolve) => {
        client.on('error', resolve);
        client.on('end', () => resolve(null));
      });
      client.on('notification', (message) => this.receive(message));
      try {
        await client.connect();
        await client.query(`LISTEN ${EVENT_CHANNEL}`);
      } catch (error) {
        client.end().catch(() => {});
        if (failures++ === 0) this.logger.warn('events.listen_failed', { error, retryMs: delay });
        await this.pause(delay / 2 + Math.random() * delay);
        delay = Math.min(delay * 2, this.maxMs);
        continue;
      }
      if (this.closed) {
        await client.end().catch(() => {});
        break;
      }
      this.client = client;
      delay = this.minMs;
      failures = 0;
      if (listenedBefore) {
        this.reconnects++;
        this.logger.info('events.listening_again', {});
        this.subscribers.resync();
      } else {
        listenedBefore = true;
        this.listened();
      }
      const reason = await ended;
      this.client = null;
      client.end().catch(() => {});
      if (!this.closed) this.logger.warn('events.listener_lost', { error: reason ?? 'connection ended' });
    }
  }

  /** Waits `ms`, or less if the bus closes. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // What was published before the close is still sent (a node stopping says nobody is on its
    // boards any more), for a moment at most; then the bus stops.
    if (this.sending) await Promise.race([this.sending, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    this.closed = true;
    this.queue.length = 0;
    this.wake?.();
    this.subscribers.clear();
    await this.client?.end().catch(() => {});
    await this.running;
  }
}
