import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { TLRecord } from '@tldraw/tlschema';
import { recordsOf } from '../../shared/doc/boardDoc';
import { shapeRecord } from './coldLoad';
import { machineCpuMs, processCpuMs, processMemoryMb } from './servers';
import { summarize, type LatencySummary } from './stats';

/**
 * Fan-out load: N raw y-websocket clients on one document; round-robin senders emit R small
 * Yjs updates per second in total; every other client must receive each of them.
 *
 * Clients speak the protocol themselves (sync step 1 on open, step 2 in answer to the server's
 * step 1). Each update sets the sender's own record in the board's `records` (a tldraw geo
 * shape `shape:bench-<sender>`, as a browser writes it, so our relay's layout check passes it)
 * whose `meta.b` is a ~80-byte string `~b~<global seq>|<sender>|<send time ms>|xxx…`. Yjs writes string values verbatim (UTF-8) into
 * an update, so a receiver finds the marker in the raw frame and reads sequence, sender and
 * send time from it without decoding the update: that keeps the load generator cheap enough to
 * share two cores with the server under test (integrating every update into every client's doc
 * costs ~12 µs × N × R). A few "verifier" clients do apply every incoming update to their
 * Y.Doc, and at the end their records must hold each sender's last value: the updates the
 * server forwards are real, well-formed Yjs updates.
 */

export interface FanoutOptions {
  clients: number;
  /** Total updates per second, all senders together. */
  rate: number;
  warmupS: number;
  seconds: number;
  drainS: number;
  /** Clients that integrate every update into their Y.Doc and check the final state. */
  verifiers: number;
  /** Timeout for connecting and syncing all clients. */
  connectTimeoutMs?: number;
}

export interface FanoutResult {
  clients: number;
  rate: number;
  seconds: number;
  /** Updates sent in the measurement window. */
  sent: number;
  /** sent × (clients − 1). */
  expected: number;
  /** Distinct (update, receiver) pairs received by the end of the drain. */
  delivered: number;
  lost: number;
  latencyMs: LatencySummary;
  /** Server CPU during the measurement window, % of one core. */
  serverCpuPct: number | null;
  serverRssMb: number | null;
  serverPeakRssMb: number | null;
  /** Load generator CPU during the measurement window, % of one core. */
  genCpuPct: number;
  /**
   * CPU used during the window by everything else on the machine (all cores busy − server −
   * load generator), % of one core, and CPU stolen by the hypervisor. High values mean the
   * figures are disturbed by other work.
   */
  otherCpuPct: number | null;
  stealPct: number | null;
  /** Load generator event-loop delay during the window (p99, max), ms. */
  genLoopDelayP99Ms: number;
  genLoopDelayMaxMs: number;
  /** Largest number of updates the sender had to emit in one timer tick (falling behind). */
  genMaxBurst: number;
  /** Frames carrying the sender's own update back to it (the reference echoes). */
  echoes: number;
  duplicates: number;
  outOfOrder: number;
  acks: number;
  /** Connections that closed during the run, with their close codes. */
  disconnects: { client: number; code: number; reason: string }[];
  verifiers: { checked: number; ok: number };
  connectMs: number;
  /** Latency by send time in 250 ms buckets over the measured window: shows whether tails are periodic stalls. */
  timeline: { atS: number; deliveries: number; p99Ms: number; maxMs: number }[];
}

const BUCKET_MS = 250;

function timelineOf(tally: Tally): FanoutResult['timeline'] {
  if (tally.count === 0) return [];
  let first = Infinity;
  for (let i = 0; i < tally.count; i++) first = Math.min(first, tally.sentAts[i]);
  const buckets: number[][] = [];
  for (let i = 0; i < tally.count; i++) {
    const b = Math.floor((tally.sentAts[i] - first) / BUCKET_MS);
    (buckets[b] ??= []).push(tally.latencies[i]);
  }
  return buckets.map((values, b) => {
    const s = summarize(Float64Array.from(values ?? []));
    return { atS: (b * BUCKET_MS) / 1000, deliveries: s.count, p99Ms: s.p99, maxMs: s.max };
  });
}

const MARKER = Buffer.from('~b~', 'latin1');
const benchShapeId = (sender: number) => `shape:bench-${sender}`;
const PIPE = 124; // '|'
const VALUE_LEN = 80;
const LOCAL = Symbol('local');
const REMOTE = Symbol('remote');
const MSG_SYNC = 0;
const MSG_AUTH = 2;
const MSG_ACK = 100;

const now = () => performance.timeOrigin + performance.now();

/** Shared bookkeeping of one run. */
class Tally {
  readonly latencies: Float64Array;
  /** Send time of each latency sample, for the timeline. */
  readonly sentAts: Float64Array;
  count = 0;
  echoes = 0;
  duplicates = 0;
  outOfOrder = 0;
  /** Deliveries per measured update. */
  readonly delivered: Uint16Array;

  constructor(
    readonly measureFrom: number,
    readonly measureTo: number,
    receivers: number,
  ) {
    const measured = measureTo - measureFrom;
    this.latencies = new Float64Array(measured * receivers);
    this.sentAts = new Float64Array(measured * receivers);
    this.delivered = new Uint16Array(measured);
  }
}

class BenchClient {
  readonly doc = new Y.Doc();
  readonly records = recordsOf(this.doc);
  ws: WebSocket | null = null;
  synced = false;
  acks = 0;
  permissionDenied = 0;
  closed: { code: number; reason: string } | null = null;
  private lastUpdate: Uint8Array | null = null;
  /** Highest sequence seen per sender, and every sequence seen (duplicates). */
  private readonly lastSeq: Int32Array;
  private readonly seen: Uint8Array;

  constructor(
    readonly index: number,
    readonly verifier: boolean,
    clients: number,
    totalUpdates: number,
    private readonly tally: Tally,
  ) {
    this.lastSeq = new Int32Array(clients).fill(-1);
    this.seen = new Uint8Array(totalUpdates);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.lastUpdate = update;
    });
  }

  connect(url: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      this.ws = ws;
      ws.binaryType = 'nodebuffer';
      const timer = setTimeout(() => reject(new Error(`client ${this.index}: no open within ${timeoutMs} ms`)), timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MSG_SYNC);
        syncProtocol.writeSyncStep1(enc, this.doc);
        ws.send(encoding.toUint8Array(enc));
        resolve();
      });
      ws.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      ws.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`client ${this.index}: HTTP ${res.statusCode}`));
      });
      ws.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() };
      });
      ws.on('message', (data: Buffer) => this.onMessage(data));
    });
  }

  private onMessage(data: Buffer): void {
    const receivedAt = now();
    const type = data[0];
    if (type === MSG_SYNC) {
      const sub = data[1];
      if (sub === syncProtocol.messageYjsSyncStep1) {
        const dec = decoding.createDecoder(data);
        decoding.readVarUint(dec);
        decoding.readVarUint(dec);
        const sv = decoding.readVarUint8Array(dec);
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MSG_SYNC);
        syncProtocol.writeSyncStep2(enc, this.doc, sv);
        this.ws?.send(encoding.toUint8Array(enc));
        return;
      }
      if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
        if (sub === syncProtocol.messageYjsSyncStep2) this.synced = true;
        this.scan(data, receivedAt);
        if (this.verifier) {
          const dec = decoding.createDecoder(data);
          decoding.readVarUint(dec);
          decoding.readVarUint(dec);
          Y.applyUpdate(this.doc, decoding.readVarUint8Array(dec), REMOTE);
        }
      }
      return;
    }
    if (type === MSG_ACK) this.acks++;
    else if (type === MSG_AUTH) this.permissionDenied++;
    // Awareness frames are ignored.
  }

  /** Finds every bench value in the frame and records its delivery. */
  private scan(buf: Buffer, receivedAt: number): void {
    const end = buf.length;
    let pos = buf.indexOf(MARKER, 2);
    while (pos !== -1) {
      let i = pos + MARKER.length;
      let seq = 0;
      while (i < end && buf[i] !== PIPE) seq = seq * 10 + (buf[i++] - 48);
      i++;
      let sender = 0;
      while (i < end && buf[i] !== PIPE) sender = sender * 10 + (buf[i++] - 48);
      i++;
      const tsStart = i;
      while (i < end && buf[i] !== PIPE) i++;
      if (i >= end) return;
      const sentAt = Number(buf.toString('latin1', tsStart, i));
      this.record(seq, sender, sentAt, receivedAt);
      pos = buf.indexOf(MARKER, i);
    }
  }

  private record(seq: number, sender: number, sentAt: number, receivedAt: number): void {
    const t = this.tally;
    if (sender === this.index) {
      t.echoes++;
      return;
    }
    if (seq >= this.seen.length || sender >= this.lastSeq.length) return;
    if (this.seen[seq]) {
      t.duplicates++;
      return;
    }
    this.seen[seq] = 1;
    if (seq < this.lastSeq[sender]) t.outOfOrder++;
    else this.lastSeq[sender] = seq;
    if (seq >= t.measureFrom && seq < t.measureTo) {
      t.delivered[seq - t.measureFrom]++;
      t.sentAts[t.count] = sentAt;
      t.latencies[t.count++] = receivedAt - sentAt;
    }
  }

  /** Sets this client's key and sends the resulting update; returns the value, or null if closed. */
  send(seq: number): string | null {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return null;
    const value = `~b~${seq}|${this.index}|${now().toFixed(3)}|`.padEnd(VALUE_LEN, 'x');
    this.lastUpdate = null;
    const id = benchShapeId(this.index);
    this.doc.transact(() => this.records.set(id, { ...shapeRecord(this.index), id, meta: { b: value } } as unknown as TLRecord), LOCAL);
    const update = this.lastUpdate as Uint8Array | null;
    if (!update) return null;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MSG_SYNC);
    syncProtocol.writeUpdate(enc, update);
    ws.send(encoding.toUint8Array(enc));
    return value;
  }

  async close(): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 2_000);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close();
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one fan-out scenario against a running server.
 * `urlFor(i)` is the WebSocket URL of client i; `serverPid` is sampled for CPU and memory.
 */
export async function runFanout(opts: FanoutOptions, urlFor: (i: number) => string, serverPid: number): Promise<FanoutResult> {
  const { clients: n, rate } = opts;
  if (n < 2) throw new Error('need at least 2 clients');
  const measureFrom = Math.round(rate * opts.warmupS);
  const measureTo = measureFrom + Math.round(rate * opts.seconds);
  const total = measureTo;
  const tally = new Tally(measureFrom, measureTo, n - 1);
  const verifierSet = new Set<number>();
  for (let k = 0; k < Math.min(opts.verifiers, n); k++) verifierSet.add(Math.floor(((k + 1) * n) / (opts.verifiers + 1)) % n);
  const list = Array.from({ length: n }, (_, i) => new BenchClient(i, verifierSet.has(i), n, total, tally));
  const connectTimeout = opts.connectTimeoutMs ?? 20_000;

  try {
    // Connect and sync everyone (in groups, so the upgrade burst stays modest).
    const connectStarted = performance.now();
    for (let i = 0; i < n; i += 20) {
      await Promise.all(list.slice(i, i + 20).map((c) => c.connect(urlFor(c.index), connectTimeout)));
    }
    const deadline = Date.now() + connectTimeout;
    while (list.some((c) => !c.synced)) {
      if (Date.now() > deadline) throw new Error(`${list.filter((c) => !c.synced).length} clients did not sync in time`);
      await sleep(10);
    }
    const connectMs = performance.now() - connectStarted;
    await sleep(300);

    // Open-loop sender: the schedule says how many updates are due; round-robin over clients.
    const lastValue: (string | null)[] = new Array(n).fill(null);
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    let sent = 0;
    let sentMeasured = 0;
    let maxBurst = 0;
    type CpuSample = { server: number | null; gen: NodeJS.CpuUsage; machine: { busy: number; steal: number } | null; at: number };
    const sample = (): CpuSample => ({ server: processCpuMs(serverPid), gen: process.cpuUsage(), machine: machineCpuMs(), at: performance.now() });
    let cpuStart: CpuSample | null = null;
    let cpuEnd: CpuSample | null = null;
    await new Promise<void>((resolve) => {
      const started = performance.now();
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000));
        maxBurst = Math.max(maxBurst, due - sent);
        while (sent < due) {
          if (sent === measureFrom) {
            cpuStart = sample();
            loopDelay.enable();
          }
          const sender = list[sent % n];
          const value = sender.send(sent);
          if (value !== null) {
            lastValue[sender.index] = value;
            if (sent >= measureFrom) sentMeasured++;
          }
          sent++;
        }
        if (sent >= total) {
          cpuEnd = sample();
          loopDelay.disable();
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    await sleep(opts.drainS * 1000);

    const memory = processMemoryMb(serverPid);
    const start = cpuStart as CpuSample | null;
    const end = cpuEnd as CpuSample | null;
    const windowMs = start && end ? end.at - start.at : NaN;
    const genCpuMs = start && end ? (end.gen.user - start.gen.user + end.gen.system - start.gen.system) / 1000 : NaN;
    const serverCpuMs = start?.server != null && end?.server != null ? end.server - start.server : null;
    const otherCpuPct =
      start?.machine && end?.machine && serverCpuMs !== null
        ? Math.max(0, ((end.machine.busy - start.machine.busy - serverCpuMs - genCpuMs) / windowMs) * 100)
        : null;
    const stealPct = start?.machine && end?.machine ? ((end.machine.steal - start.machine.steal) / windowMs) * 100 : null;

    const timeline = timelineOf(tally);
    let delivered = 0;
    for (let i = 0; i < tally.delivered.length; i++) delivered += tally.delivered[i];
    const expected = sentMeasured * (n - 1);

    // Verifiers: every sender's key must hold the last value it sent.
    let ok = 0;
    for (const c of list) {
      if (!c.verifier) continue;
      let good = true;
      for (let s = 0; s < n && good; s++) {
        if (lastValue[s] !== null && (c.records.get(benchShapeId(s))?.meta as { b?: string } | undefined)?.b !== lastValue[s]) good = false;
      }
      if (good) ok++;
    }

    return {
      clients: n,
      rate,
      seconds: opts.seconds,
      sent: sentMeasured,
      expected,
      delivered,
      lost: expected - delivered,
      latencyMs: summarize(tally.latencies.subarray(0, tally.count)),
      serverCpuPct: serverCpuMs === null ? null : (serverCpuMs / windowMs) * 100,
      serverRssMb: memory?.rss ?? null,
      serverPeakRssMb: memory?.peak ?? null,
      genCpuPct: (genCpuMs / windowMs) * 100,
      otherCpuPct,
      stealPct,
      genLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      genLoopDelayMaxMs: loopDelay.max / 1e6,
      genMaxBurst: maxBurst,
      echoes: tally.echoes,
      duplicates: tally.duplicates,
      outOfOrder: tally.outOfOrder,
      acks: list.reduce((a, c) => a + c.acks, 0),
      disconnects: list.filter((c) => c.closed).map((c) => ({ client: c.index, code: c.closed!.code, reason: c.closed!.reason })),
      verifiers: { checked: verifierSet.size, ok },
      connectMs,
      timeline,
    };
  } finally {
    await Promise.all(list.map((c) => c.close()));
    for (const c of list) c.doc.destroy();
  }
}
