import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../http/HttpError';
import type { LogFields, LogLevel, Logger } from '../runtime/log';
import type { ExportJob, ExportJobResult } from './exportJobs';

/** How many export workers run, how long a job may take, and how many may wait. */
export interface ExportLimits {
  /** Worker threads (EXPORT_WORKERS, default 1: the main thread keeps the other core). */
  workers: number;
  /** A job running longer is stopped (its worker replaced) and answered 503 (EXPORT_TIMEOUT_SECONDS, default 120 s). */
  timeoutMs: number;
  /** Jobs waiting for a worker at most; one more is answered 503 with Retry-After (EXPORT_QUEUE, default 20). */
  maxQueued: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = { workers: 1, timeoutMs: 120_000, maxQueued: 20 };

interface Pending {
  job: ExportJob;
  resolve: (result: ExportJobResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout } | null;
}

type WorkerMessage = { log?: { level: LogLevel; event: string; fields?: LogFields }; id: number; ok: boolean; result?: ExportJobResult; error?: { status?: number; code?: string; message: string } };

/**
 * The file a worker thread runs: the built server (dist/server/main.cjs, CommonJS) has the worker
 * bundled beside it as exportWorker.cjs; from the sources (tests, tsx) it is exportWorker.mjs,
 * which registers tsx in the new thread first.
 */
function workerEntry(): string | URL {
  if (typeof __dirname === 'string') {
    const built = path.join(__dirname, 'exportWorker.cjs');
    if (fs.existsSync(built)) return built;
  }
  return new URL('./exportWorker.mjs', import.meta.url);
}

const busyError = () =>
  new HttpError(503, 'exports_busy', 'The server is busy with other exports; try again in a moment.', undefined, { 'Retry-After': '5' });
const closedError = () => new HttpError(503, 'unavailable', 'The server is shutting down.');

/**
 * Worker threads for the results, exports and cohort zips (exportJobs.ts): decoding a board,
 * extracting and rendering it take hundreds of milliseconds for a big board, seconds for a
 * cohort, which on the main thread would stall every connection. Jobs queue (at most
 * `maxQueued`) for `workers` threads, started on first use. A job over `timeoutMs` is stopped
 * with its worker; a worker that dies fails its job (500). Either way a new worker takes the
 * next job. Workers never keep the process alive.
 */
export class ExportWorkers {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly limits: ExportLimits,
    private readonly logger: Logger,
  ) {}

  run(job: ExportJob): Promise<ExportJobResult> {
    if (this.closed) return Promise.reject(closedError());
    if (this.queue.length >= this.limits.maxQueued) return Promise.reject(busyError());
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < Math.max(1, this.limits.workers)) slot = this.start();
      if (!slot) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => this.timedOut(slot, id), this.limits.timeoutMs);
      timer.unref();
      slot.busy = { id, pending, timer };
      slot.worker.postMessage({ id, job: pending.job });
    }
  }

  /** Stops a job that ran too long: its worker is terminated and replaced for the next job. */
  private timedOut(slot: Slot, id: number): void {
    const busy = slot.busy;
    if (!busy || busy.id !== id) return;
    this.logger.warn('export.timeout', { job: busy.pending.job.type, ms: this.limits.timeoutMs });
    this.drop(slot);
    busy.pending.reject(new HttpError(503, 'export_timeout', 'This export took too long and was stopped; try again later.', undefined, { 'Retry-After': '30' }));
    void slot.worker.terminate();
    this.pump();
  }

  /** Takes a slot out of service (its worker is gone or going); returns what it was running. */
  private drop(slot: Slot): Slot['busy'] {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const busy = slot.busy;
    if (busy) clearTimeout(busy.timer);
    slot.busy = null;
    return busy;
  }

  private start(): Slot {
    const worker = new Worker(workerEntry());
    worker.unref();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.log) return this.logger.log(msg.log.level, msg.log.event, msg.log.fields);
      const busy = slot.busy;
      if (!busy || busy.id !== msg.id) return;
      clearTimeout(busy.timer);
      slot.busy = null;
      if (msg.ok) busy.pending.resolve(msg.result!);
      else if (msg.error?.status) busy.pending.reject(new HttpError(msg.error.status, msg.error.code ?? 'internal', msg.error.message));
      else busy.pending.reject(new Error(msg.error?.message ?? 'export failed'));
      this.pump();
    });
    const lost = (error: unknown) => {
      if (!this.slots.includes(slot)) return;
      const busy = this.drop(slot);
      if (busy) busy.pending.reject(error instanceof Error ? error : new Error(String(error)));
      if (!this.closed) {
        this.logger.error('export.worker_failed', { error });
        this.pump();
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`export worker exited with ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(closedError());
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.busy) {
        clearTimeout(s.busy.timer);
        s.busy.pending.reject(closedError());
      }
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
