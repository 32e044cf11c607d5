import { afterEach, describe, expect, it } from 'vitest';
import { Relay } from './sync/Relay';
import { DEFAULT_LIMITS } from './sync/relayLimits';
import { silentLogger } from './runtime/log';
import { createApp } from './Server';
import { SummaryService } from './dashboard/SummaryService';
import { HistoryService } from './history/HistoryService';
import { Metrics } from './ops/metrics';
import { MemoryStorage } from './storage/MemoryStorage';

let relay: Relay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

describe('the composition root', () => {
  it('closes every service it built: none keeps observing the relay', async () => {
    relay = new Relay(new MemoryStorage(), DEFAULT_LIMITS, silentLogger);
    expect(relay.extensionCount).toBe(0);
    const app = createApp({ storage: new MemoryStorage(), relay, logger: silentLogger, clientDir: '/nonexistent' });
    // The lock and control guards, the participants' record, the dashboard's summaries, board
    // history and the partnerships' live pages: all handed to the relay here.
    expect(relay.extensionCount).toBe(6);
    await app.close();
    expect(relay.extensionCount).toBe(0);
  });

  it('hands the metrics their room extension when there are metrics', async () => {
    relay = new Relay(new MemoryStorage(), DEFAULT_LIMITS, silentLogger);
    const app = createApp({ storage: new MemoryStorage(), relay, logger: silentLogger, clientDir: '/nonexistent', metrics: new Metrics() });
    expect(relay.extensionCount).toBe(7);
    await app.close();
    expect(relay.extensionCount).toBe(0);
  });

  it('is the only one to register room extensions: a service built elsewhere observes no room', () => {
    relay = new Relay(new MemoryStorage(), DEFAULT_LIMITS, silentLogger);
    const summaries = new SummaryService({ relay, storage: new MemoryStorage(), logger: silentLogger });
    new HistoryService(relay, new MemoryStorage(), silentLogger);
    expect(relay.extensionCount).toBe(0);
    summaries.close();
  });
});
