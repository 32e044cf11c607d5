import { randomUUID } from 'node:crypto';
import type { Logger } from '../runtime/log';
import { type EventBus, Subscribers, type Topic } from './EventBus';

/**
 * Buses in one process that hear each other (tests of several apps in one process). A bus made
 * without one has a hub of its own: nobody to tell, which is the embedded default.
 */
export class LocalEventHub {
  readonly buses = new Set<LocalEventBus>();
}

/**
 * The in-process bus: one node, so `publish` reaches only the other buses of its hub (by
 * default none) and nothing is ever missed (no resync). Delivery is synchronous.
 */
export class LocalEventBus implements EventBus {
  readonly id = randomUUID();
  private readonly subscribers: Subscribers;
  private readonly hub: LocalEventHub;

  constructor(logger?: Logger, hub = new LocalEventHub()) {
    this.subscribers = new Subscribers((topic, error) => logger?.error('events.handler_failed', { topic, error }));
    this.hub = hub;
    hub.buses.add(this);
  }

  publish<T>(topic: Topic<T>, data: T): void {
    // Through JSON, as over the wire: a receiver never shares the sender's objects.
    const json = JSON.stringify(data);
    for (const bus of this.hub.buses) if (bus !== this) bus.subscribers.deliver(topic.name, JSON.parse(json));
  }

  subscribe<T>(topic: Topic<T>, handler: (data: T) => void): () => void {
    return this.subscribers.add(topic, handler);
  }

  onResync(handler: () => void): () => void {
    return this.subscribers.addResync(handler);
  }

  async close(): Promise<void> {
    this.hub.buses.delete(this);
    this.subscribers.clear();
  }
}
