import { afterEach, describe, expect, it } from 'vitest';
import { Relay } from './sync/Relay';
import { DEFAULT_LIMITS } from './sync/relayLimits';
import { silentLogger } from './runtime/log';
import { createApp } from './Server';
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
    // The dashboard's summaries, board history and the partnerships' live pages observe rooms.
    expect(relay.extensionCount).toBe(3);
    await app.close();
    expect(relay.extensionCount).toBe(0);
  });
});
