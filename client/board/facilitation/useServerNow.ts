import { useEffect, useState } from 'react';
import { useValue } from 'tldraw';
import type { ServerClock } from '../../lib/serverClock';

/** The server's time, re-rendered every `intervalMs` while `active` (a ticking clock for timers). */
export function useServerNow(clock: ServerClock | null, active: boolean, intervalMs = 250): number {
  // Re-render when the offset estimate improves, too.
  useValue('clockEstimate', () => clock?.estimate.get() ?? null, [clock]);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(id);
  }, [active, intervalMs]);
  return clock ? clock.now() : Date.now();
}
