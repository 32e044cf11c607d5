import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyedThrottle } from './KeyedThrottle';
import { topic } from './EventBus';
import { LocalEventBus, LocalEventHub } from './LocalEventBus';

afterEach(() => {
  vi.useRealTimers();
});

describe('KeyedThrottle', () => {
  it('sends the first note of a key at once, then coalesces the rest of the interval into one send', () => {
    vi.useFakeTimers();
    const sent: [string, number][] = [];
    const throttle = new KeyedThrottle<number>(1000, (a, b) => a + b, (key, value) => sent.push([key, value]), () => Date.now());
    throttle.note('board-a', 1);
    expect(sent).toEqual([['board-a', 1]]);
    for (let i = 0; i < 5; i++) throttle.note('board-a', 1);
    throttle.note('board-b', 10);
    expect(sent).toEqual([
      ['board-a', 1],
      ['board-b', 10],
    ]);
    vi.advanceTimersByTime(999);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      ['board-a', 1],
      ['board-b', 10],
      ['board-a', 5],
    ]);
    throttle.close();
  });
});

describe('LocalEventBus', () => {
  const ping = topic<{ n: number }>('test.ping', (d) => d as { n: number });

  it('alone, tells nobody (one node): its own subscribers never hear what it publishes', () => {
    const bus = new LocalEventBus();
    const heard: number[] = [];
    bus.subscribe(ping, (e) => heard.push(e.n));
    bus.publish(ping, { n: 1 });
    expect(heard).toEqual([]);
  });

  it('on a shared hub, reaches the other buses with a copy of the data', () => {
    const hub = new LocalEventHub();
    const a = new LocalEventBus(undefined, hub);
    const b = new LocalEventBus(undefined, hub);
    const heard: { n: number }[] = [];
    b.subscribe(ping, (e) => heard.push(e));
    const data = { n: 2 };
    a.publish(ping, data);
    expect(heard).toEqual([{ n: 2 }]);
    expect(heard[0]).not.toBe(data);
  });
});
