import { atom, type Atom } from 'tldraw';
import { estimateOffset, type ClockEstimate, type ClockSample } from '../../shared/clock';

const FIRST_SAMPLES = 4;
const RESAMPLE_MS = 60_000;
const KEEP_SAMPLES = 8;

/**
 * This browser's estimate of the server's clock, from round trips to `GET /api/time`. Session
 * times (timer end, step changes) are server times, so a participant whose computer clock is off
 * by minutes still sees the same countdown as everyone else. Until the first answer the local
 * clock is used.
 */
export class ServerClock {
  readonly estimate: Atom<ClockEstimate | null> = atom('serverClock', null);
  private samples: ClockSample[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly fetchTime: () => Promise<number> = fetchServerTime) {
    void this.sampleSeveral(FIRST_SAMPLES);
  }

  /** The server's time now, in ms since the epoch. */
  now(): number {
    return Date.now() + (this.estimate.get()?.offsetMs ?? 0);
  }

  private async sampleSeveral(n: number) {
    for (let i = 0; i < n && !this.disposed; i++) await this.sample();
    if (!this.disposed) this.timer = setTimeout(() => void this.sampleSeveral(1), RESAMPLE_MS);
  }

  private async sample() {
    const sentAt = Date.now();
    try {
      const serverNow = await this.fetchTime();
      const receivedAt = Date.now();
      this.samples = [...this.samples, { sentAt, receivedAt, serverNow }].slice(-KEEP_SAMPLES);
      this.estimate.set(estimateOffset(this.samples));
    } catch {
      // Offline or server down: keep the last estimate.
    }
  }

  dispose() {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

async function fetchServerTime(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`time: ${res.status}`);
  const body = (await res.json()) as { now?: unknown };
  if (typeof body.now !== 'number' || !Number.isFinite(body.now)) throw new Error('time: bad answer');
  return body.now;
}
