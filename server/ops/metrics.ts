import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ROLES } from '../../shared/roles';
import type { Relay } from '../sync/Relay';
import type { RoomExtension } from '../sync/Room';
import type { Storage } from '../storage/Storage';

/**
 * What GET /metrics tells (Prometheus text format, prom-client). Labels only ever hold fixed
 * vocabularies: a document kind, a role, a route pattern (the route table's, server/http/router.ts), an HTTP
 * method and status, an export format, a close reason. Never a token, a board id or a title.
 *
 *  - rooms and connections: counted from the relay when scraped;
 *  - updates and bytes stored, ack latency, compactions: measured around the relay's storage
 *    (`meterStorage`) and through its room hooks, so the relay itself needs no counters: an
 *    update is acknowledged to its author right after the append that stores it commits, so the
 *    time from the first update of a batch reaching a room to that commit is the ack latency;
 *  - HTTP requests (`observeRequest`, called once per request by the server) and exports
 *    (`timeExport`);
 *  - the process (memory, CPU, event-loop lag, GC, handles): prom-client's default metrics,
 *    collected once per process whatever the number of servers in it.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({
    name: 'pb_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'pb_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (to the end of the response), by route pattern.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly exportDuration = new Histogram({
    name: 'pb_export_duration_seconds',
    help: 'Time to build an export, by format (json, csv, md, html; cohort-zip for a whole cohort).',
    labelNames: ['format'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly updatesStored = new Counter({
    name: 'pb_updates_stored_total',
    help: 'Document updates appended to storage, by document kind (board, control).',
    labelNames: ['doc'] as const,
    registers: [this.registry],
  });
  private readonly bytesStored = new Counter({
    name: 'pb_update_bytes_stored_total',
    help: 'Bytes of document updates appended to storage, by document kind.',
    labelNames: ['doc'] as const,
    registers: [this.registry],
  });
  private readonly ackLatency = new Histogram({
    name: 'pb_ack_latency_seconds',
    help: 'From the first update of a batch reaching a room to the commit after which its authors are acknowledged.',
    labelNames: ['doc'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly storeFailures = new Counter({
    name: 'pb_store_failures_total',
    help: 'Appends of updates that failed (the room is closed; clients resend).',
    labelNames: ['doc'] as const,
    registers: [this.registry],
  });
  private readonly compactions = new Counter({
    name: 'pb_compactions_total',
    help: 'Compactions of an update log into the compacted state, by document kind and result (ok, failed).',
    labelNames: ['doc', 'result'] as const,
    registers: [this.registry],
  });
  private readonly compactionDuration = new Histogram({
    name: 'pb_compaction_duration_seconds',
    help: 'Time to store a compaction (compacted state written, log trimmed), by document kind.',
    labelNames: ['doc'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly linkRotations = new Counter({
    name: 'pb_link_rotations_total',
    help: 'Links replaced by new ones, by role (facilitator, editor, viewer, trainer).',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  /** Per room name: when its oldest update not yet handed to storage arrived (performance.now()). */
  private readonly pendingSince = new Map<string, number>();

  constructor() {
    new Gauge({ name: 'pb_build_info', help: 'Always 1; the Node.js version as a label.', labelNames: ['node'] as const, registers: [this.registry] }).set(
      { node: process.versions.node },
      1,
    );
  }

  /** Times each room's oldest update not yet handed to storage; the composition root hands it to the relay (Server.ts). */
  readonly roomExtension: RoomExtension = {
    onUpdate: (room) => {
      if (!this.pendingSince.has(room.name)) this.pendingSince.set(room.name, performance.now());
    },
    beforeUnload: (room) => {
      this.pendingSince.delete(room.name);
    },
  };

  /** Follows a relay: rooms and connections when scraped (pending updates come from roomExtension). */
  watchRelay(relay: Relay): void {
    new Gauge({
      name: 'pb_rooms_open',
      help: 'Documents loaded in memory, by kind (board, control).',
      labelNames: ['doc'] as const,
      registers: [this.registry],
      collect() {
        const counts = { board: 0, control: 0 };
        for (const room of relay.rooms.values()) counts[room.kind]++;
        for (const [doc, n] of Object.entries(counts)) this.set({ doc }, n);
      },
    });
    new Gauge({
      name: 'pb_connections',
      help: 'Open WebSocket connections, by document kind and the role of their link.',
      labelNames: ['doc', 'role'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const doc of ['board', 'control'] as const) for (const role of ROLES) this.set({ doc, role }, 0);
        for (const room of relay.rooms.values()) for (const conn of room.conns) this.inc({ doc: room.kind, role: conn.role });
      },
    });
  }

  /**
   * The relay's storage, measured: appends (updates, bytes, ack latency, failures) and
   * compactions (count, duration, result). Every other call goes straight through.
   */
  meterStorage(storage: Storage): Storage {
    const appendUpdates: Storage['appendUpdates'] = async (boardId, doc, updates, fence) => {
      const name = doc === 'control' ? `${boardId}/control` : boardId;
      // Updates arriving from now on belong to the next append.
      const since = this.pendingSince.get(name) ?? performance.now();
      this.pendingSince.delete(name);
      try {
        const seq = await storage.appendUpdates(boardId, doc, updates, fence);
        this.ackLatency.observe({ doc }, (performance.now() - since) / 1000);
        this.updatesStored.inc({ doc }, updates.length);
        this.bytesStored.inc({ doc }, updates.reduce((n, u) => n + u.byteLength, 0));
        return seq;
      } catch (error) {
        this.storeFailures.inc({ doc });
        throw error;
      }
    };
    const compact: Storage['compact'] = async (boardId, doc, compacted, upToSeq, fence) => {
      const started = performance.now();
      try {
        await storage.compact(boardId, doc, compacted, upToSeq, fence);
        this.compactions.inc({ doc, result: 'ok' });
      } catch (error) {
        this.compactions.inc({ doc, result: 'failed' });
        throw error;
      } finally {
        this.compactionDuration.observe({ doc }, (performance.now() - started) / 1000);
      }
    };
    return new Proxy(storage, {
      get(target, prop, receiver) {
        if (prop === 'appendUpdates') return appendUpdates;
        if (prop === 'compact') return compact;
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method: KNOWN_METHODS.has(method) ? method : 'other', route, status: String(status) });
    this.httpDuration.observe({ route }, seconds);
  }

  /** Runs `build` and records its duration under `format` (also when it fails). */
  async timeExport<T>(format: string, build: () => Promise<T> | T): Promise<T> {
    const end = this.exportDuration.startTimer({ format });
    try {
      return await build();
    } finally {
      end();
    }
  }

  linkRotated(role: string): void {
    this.linkRotations.inc({ role });
  }

  /** The exposition text: this server's metrics, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processRegistry().metrics()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);

let processMetrics: Registry | null = null;

/** prom-client's default metrics (process memory and CPU, event-loop lag, GC, handles), once per process. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, eventLoopMonitoringPrecision: 20 });
  }
  return processMetrics;
}
