/**
 * What one node tells the others: small events (ids, never documents) that pages served by
 * another node must hear of. One node (the embedded SQLite default) has no one to tell; the
 * distributed mode carries them by PostgreSQL LISTEN/NOTIFY (PostgresEventBus).
 *
 * The consumers do not know which bus they have:
 *  - `publish` is fire and forget: it never throws and never waits for the database; an event
 *    that cannot be sent is logged and dropped (a receiver resyncs when its connection was lost).
 *  - an event reaches every OTHER node's subscribers, never the node that sent it (that node
 *    heard of the change first hand);
 *  - after its connection to the others was lost and is back, a bus calls its `onResync`
 *    handlers: events sent meanwhile are gone, so each consumer reads again what it shows.
 */
export interface EventBus {
  /** Sends `data` (JSON, kept small: an id and a few fields) to the other nodes' subscribers of `topic`. */
  publish<T>(topic: Topic<T>, data: T): void;
  /** Calls `handler` with each valid event of `topic` from another node until the returned function is called. */
  subscribe<T>(topic: Topic<T>, handler: (data: T) => void): () => void;
  /** Calls `handler` after a lost connection is back (events may have been missed) until the returned function is called. */
  onResync(handler: () => void): () => void;
  close(): Promise<void>;
}

/**
 * A kind of event: its name on the wire and how a received payload is read back (null for one
 * that does not fit: it is dropped). Declared by the folder that publishes it.
 */
export interface Topic<T> {
  readonly name: string;
  parse(data: unknown): T | null;
}

export function topic<T>(name: string, parse: (data: unknown) => T | null): Topic<T> {
  return { name, parse };
}

/** A wire message: the topic, the sending bus and the data. */
export interface Envelope {
  t: string;
  n: string;
  d: unknown;
}

/** Subscribers by topic, and the resync handlers: the half every bus shares. */
export class Subscribers {
  private readonly byTopic = new Map<string, Set<(data: unknown) => void>>();
  private readonly resyncs = new Set<() => void>();

  constructor(private readonly onError: (topic: string, error: unknown) => void) {}

  add<T>(topic: Topic<T>, handler: (data: T) => void): () => void {
    let set = this.byTopic.get(topic.name);
    if (!set) this.byTopic.set(topic.name, (set = new Set()));
    const wrapped = (raw: unknown) => {
      const data = topic.parse(raw);
      if (data !== null) handler(data);
    };
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
      if (set.size === 0 && this.byTopic.get(topic.name) === set) this.byTopic.delete(topic.name);
    };
  }

  addResync(handler: () => void): () => void {
    this.resyncs.add(handler);
    return () => this.resyncs.delete(handler);
  }

  deliver(name: string, data: unknown): void {
    for (const handler of this.byTopic.get(name) ?? []) {
      try {
        handler(data);
      } catch (error) {
        this.onError(name, error);
      }
    }
  }

  resync(): void {
    for (const handler of this.resyncs) {
      try {
        handler();
      } catch (error) {
        this.onError('resync', error);
      }
    }
  }

  clear(): void {
    this.byTopic.clear();
    this.resyncs.clear();
  }
}
