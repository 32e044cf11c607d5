/**
 * Coalesces what happens to each key (a board) into at most one call of `send` per `intervalMs`:
 * the first note after a quiet interval is sent at once, later ones gather (merged with
 * `merge`) and go out together when the interval has passed.
 */
export class KeyedThrottle<V> {
  private readonly keys = new Map<string, { lastAt: number; pending: V | null; timer: NodeJS.Timeout | null }>();

  constructor(
    private readonly intervalMs: number,
    private readonly merge: (a: V, b: V) => V,
    private readonly send: (key: string, value: V) => void,
    private readonly now: () => number = Date.now,
  ) {}

  note(key: string, value: V): void {
    let k = this.keys.get(key);
    if (!k) this.keys.set(key, (k = { lastAt: -Infinity, pending: null, timer: null }));
    k.pending = k.pending === null ? value : this.merge(k.pending, value);
    if (k.timer) return;
    const wait = k.lastAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush(key);
      return;
    }
    k.timer = setTimeout(() => this.flush(key), wait);
    k.timer.unref?.();
  }

  private flush(key: string): void {
    const k = this.keys.get(key);
    if (!k) return;
    k.timer = null;
    const value = k.pending;
    k.pending = null;
    if (value === null) return;
    k.lastAt = this.now();
    // Forget keys that went quiet, so the map holds only boards changing now.
    const forget = setTimeout(() => {
      const current = this.keys.get(key);
      if (current === k && !k.timer && k.pending === null) this.keys.delete(key);
    }, this.intervalMs);
    forget.unref?.();
    this.send(key, value);
  }

  /** Sends everything gathered now (the process is stopping). */
  flushAll(): void {
    for (const [key, k] of this.keys) {
      if (k.pending === null) continue;
      if (k.timer) clearTimeout(k.timer);
      this.flush(key);
    }
  }

  close(): void {
    for (const k of this.keys.values()) if (k.timer) clearTimeout(k.timer);
    this.keys.clear();
  }
}
