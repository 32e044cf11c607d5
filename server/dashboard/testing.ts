import http from 'node:http';
import * as Y from 'yjs';
import { recordsOf, seedBoardDoc } from '../../shared/doc/boardDoc';
import { boardSchema, getItemType, getTemplate } from '../../exercises/registry';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { templateRecords } from '../../exercises/kit/seed';
import type { BoardRow } from '../storage/Storage';

/**
 * A busy Many Tables, Many Knocks board for tests and the dashboard benchmark: `items` typed
 * cards spread over the five zones (every item type of the exercise), one sticky per 10 cards
 * (in a parking lot right of the zones) and one typed arrow per 5 cards (alternately `overlaps`
 * between tables and `knock-overlap` between knocks). Plain tldraw records, as a board document
 * holds them.
 */
export function busyBoardRecords(items: number, seed = 1): { records: Record<string, unknown>[]; items: number; stickies: number; connections: number } {
  const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
  const zones = ['journey', 'tables', 'knocks', 'ideal', 'real'];
  const typesOf: Record<string, string[]> = {
    journey: ['quote', 'journey-step'],
    tables: ['table', 'gap'],
    knocks: ['knock'],
    ideal: ['idea'],
    real: ['idea', 'action'],
  };
  const zoneWidth = new Map(manyTablesManyKnocks.template.zones.map((z) => [z.id, z.w]));
  const tables: string[] = [];
  const knocks: string[] = [];
  let stickies = 0;
  let connections = 0;
  for (let i = 0; i < items; i++) {
    const zone = zones[(i + seed) % zones.length];
    const types = typesOf[zone];
    const type = types[Math.floor(i / zones.length) % types.length];
    const slot = Math.floor(i / zones.length);
    // Rows of cards 260 apart across the zone, 170 apart downwards (a full zone overflows below).
    const columns = Math.max(1, Math.floor((zoneWidth.get(zone)! - 40) / 260));
    const place = { zone, x: 20 + (slot % columns) * 260, y: 80 + Math.floor(slot / columns) * 170 };
    const id = f.item(type, {}, place);
    if (type === 'table') tables.push(id);
    if (type === 'knock') knocks.push(id);
    if (i % 10 === 9) {
      // A parking lot of stickies right of the zones.
      f.sticky('', { x: 5700 + (stickies % 5) * 230, y: Math.floor(stickies / 5) * 230 });
      stickies++;
    }
  }
  for (let i = 0; i < Math.floor(items / 5); i++) {
    const pool = i % 2 === 0 ? tables : knocks;
    if (pool.length < 2) continue;
    f.connect(i % 2 === 0 ? 'overlaps' : 'knock-overlap', pool[i % pool.length], pool[(i + 1) % pool.length]);
    connections++;
  }
  return { records: f.build(), items, stickies, connections };
}

/** A board row and its document's state (seeded like createBoard, plus `records`), to store directly. */
export function boardState(row: BoardRow, records: Record<string, unknown>[] = []): Uint8Array {
  const template = getTemplate(row.templateId);
  if (!template) throw new Error(`unknown template ${row.templateId}`);
  const doc = new Y.Doc();
  seedBoardDoc(
    doc,
    { id: row.id, title: row.title, region: row.region, sector: row.sector, variant: row.variant ?? undefined, createdAt: row.createdAt },
    template,
    boardSchema(),
    templateRecords(template),
  );
  const kv = recordsOf(doc);
  doc.transact(() => {
    for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export interface SseEvent {
  /** `message` when the event names none; `comment` for `: …` lines. */
  event: string;
  data: string;
  /** performance.now() when its last byte arrived. */
  at: number;
  /** Bytes of the event on the wire. */
  bytes: number;
}

export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: SseEvent[];
  /** The body of a non-200 answer. */
  body: string;
  /** Resolves with the first event from index `from` on that matches (rejects after timeoutMs). */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number, from?: number): Promise<SseEvent>;
  close(): void;
  closed: Promise<void>;
}

/**
 * A minimal Server-Sent Events client over node:http (tests and the benchmark): resolves once
 * the answer's headers are in; events are parsed as they arrive.
 */
export function openSse(url: string): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let body = '';
      let closedResolve!: () => void;
      const closed = new Promise<void>((r) => (closedResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (res.statusCode !== 200) {
          body += chunk;
          return;
        }
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const at = performance.now();
          let event = 'message';
          const data: string[] = [];
          let comment = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comment = true;
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (comment && data.length === 0) event = 'comment';
          if (data.length > 0 || comment) events.push({ event, data: data.join('\n'), at, bytes: Buffer.byteLength(block) + 2 });
          end = buffer.indexOf('\n\n');
        }
        for (const w of [...waiters]) w();
      });
      res.on('close', () => {
        closedResolve();
        for (const w of [...waiters]) w();
      });
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        get body() {
          return body;
        },
        next(match, timeoutMs = 5000, from = 0) {
          return new Promise((resolveEvent, rejectEvent) => {
            const check = () => {
              const found = events.slice(from).find(match);
              if (found) {
                done();
                resolveEvent(found);
              } else if (res.closed) {
                done();
                rejectEvent(new Error('the stream closed'));
              }
            };
            const timer = setTimeout(() => {
              done();
              rejectEvent(new Error(`no matching event within ${timeoutMs} ms (${events.length} events)`));
            }, timeoutMs);
            const done = () => {
              clearTimeout(timer);
              waiters.delete(check);
            };
            waiters.add(check);
            check();
          });
        },
        close: () => {
          req.destroy();
          res.destroy();
        },
        closed,
      };
      if (res.statusCode !== 200) res.on('end', () => resolve(stream));
      else resolve(stream);
    });
    req.on('error', reject);
  });
}

export interface TestCohort {
  id: string;
  trainerToken: string;
  boards: { id: string; team: string; tokens: { facilitator: string; editor: string; viewer: string } }[];
}

/** Creates a cohort through `POST /api/cohorts` (the cohort API). */
export async function createTestCohort(baseUrl: string, body: Record<string, unknown> = {}): Promise<TestCohort> {
  const res = await fetch(`${baseUrl}/api/cohorts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Spring cohort', template: 'many-tables-many-knocks', teams: ['North', 'South'], ...body }),
  });
  if (res.status !== 201) throw new Error(`cohort creation failed: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { id: string; links: { trainer: string }; boards: { id: string; team: string; links: Record<string, string> }[] };
  const token = (link: string) => new URL(link).searchParams.get('token')!;
  return {
    id: json.id,
    trainerToken: token(json.links.trainer),
    boards: json.boards.map((b) => ({
      id: b.id,
      team: b.team,
      tokens: { facilitator: token(b.links.facilitator), editor: token(b.links.editor), viewer: token(b.links.viewer) },
    })),
  };
}
