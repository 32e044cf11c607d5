import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../tests/helpers/eventually';
import { freshDatabase, type TestDatabase } from '../../tests/helpers/postgres';
import { capturingLogger } from '../../tests/helpers/server';
import { silentLogger } from '../runtime/log';
import { topic } from './EventBus';
import { MAX_PAYLOAD_BYTES, PostgresEventBus } from './PostgresEventBus';

const greeting = topic<{ text: string }>('test.greeting', (d) => {
  const text = (d as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? { text } : null;
});
const other = topic<{ n: number }>('test.other', (d) => (typeof (d as { n?: unknown })?.n === 'number' ? (d as { n: number }) : null));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function database(): Promise<TestDatabase> {
  const db = await freshDatabase();
  cleanups.push(() => db.drop());
  return db;
}

async function busOn(url: string, logger = silentLogger): Promise<PostgresEventBus> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  const bus = new PostgresEventBus({ pool, connection: { connectionString: url }, logger, reconnectMinMs: 20, reconnectMaxMs: 200 });
  cleanups.push(async () => {
    await bus.close();
    await pool.end();
  });
  await bus.ready();
  return bus;
}

/** Ends a bus's listening connection from the database side, as a restart or an administrator would. */
async function cutListener(url: string, bus: PostgresEventBus): Promise<void> {
  const pid = bus.listenerPid;
  expect(pid).not.toBeNull();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid]);
    expect(rows[0].ok).toBe(true);
  } finally {
    await admin.end();
  }
}

describe('PostgresEventBus (LISTEN/NOTIFY)', () => {
  it('delivers an event to the other bus on the same database, in order, and never back to its sender', async () => {
    const db = await database();
    const a = await busOn(db.url);
    const b = await busOn(db.url);
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    a.subscribe(greeting, (e) => heardByA.push(e.text));
    b.subscribe(greeting, (e) => heardByB.push(e.text));
    for (let i = 0; i < 60; i++) a.publish(greeting, { text: `hello ${i}` });
    await eventually(() => expect(heardByB).toHaveLength(60));
    expect(heardByB).toEqual(Array.from({ length: 60 }, (_, i) => `hello ${i}`));
    b.publish(greeting, { text: 'back' });
    await eventually(() => expect(heardByA).toEqual(['back']));
    expect(heardByB).not.toContain('back');
  });

  it('hands a subscriber only its topic, and drops payloads its topic cannot read', async () => {
    const db = await database();
    const a = await busOn(db.url);
    const b = await busOn(db.url);
    const greetings: string[] = [];
    const numbers: number[] = [];
    b.subscribe(greeting, (e) => greetings.push(e.text));
    b.subscribe(other, (e) => numbers.push(e.n));
    a.publish(other, { n: 7 });
    a.publish(greeting, { text: 42 } as unknown as { text: string });
    a.publish(greeting, { text: 'last' });
    await eventually(() => expect(greetings).toEqual(['last']));
    expect(numbers).toEqual([7]);
  });

  it('refuses (and logs) a payload past the limit, without sending anything', async () => {
    const db = await database();
    const { logger, lines } = capturingLogger();
    const a = await busOn(db.url, logger);
    const b = await busOn(db.url);
    const heard: number[] = [];
    b.subscribe(greeting, (e) => heard.push(e.text.length));
    a.publish(greeting, { text: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    a.publish(greeting, { text: 'small' });
    await eventually(() => expect(heard).toEqual([5]));
    expect(lines.some((l) => l.includes('events.too_large'))).toBe(true);
  });

  it('listens again after its connection is cut, tells its consumers to resync, and hears what comes after', async () => {
    const db = await database();
    const a = await busOn(db.url);
    const b = await busOn(db.url);
    const heard: string[] = [];
    let resyncs = 0;
    b.subscribe(greeting, (e) => heard.push(e.text));
    b.onResync(() => resyncs++);
    a.publish(greeting, { text: 'before' });
    await eventually(() => expect(heard).toEqual(['before']));

    const before = b.listenerPid;
    await cutListener(db.url, b);
    await eventually(() => expect(resyncs).toBe(1));
    expect(b.reconnects).toBe(1);
    expect(b.listenerPid).not.toBe(before);

    a.publish(greeting, { text: 'after' });
    await eventually(() => expect(heard).toEqual(['before', 'after']));
  });

  it('sends what was published before it closes (a stopping node has its last word)', async () => {
    const db = await database();
    const a = await busOn(db.url);
    const b = await busOn(db.url);
    const heard: string[] = [];
    b.subscribe(greeting, (e) => heard.push(e.text));
    for (let i = 0; i < 30; i++) a.publish(greeting, { text: `bye ${i}` });
    await a.close();
    a.publish(greeting, { text: 'after the close' });
    await eventually(() => expect(heard).toHaveLength(30));
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).not.toContain('after the close');
  });

  it('closes while the database cannot be reached, without waiting for it', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody:secret@127.0.0.1:1/none', max: 1 });
    pool.on('error', () => {});
    const bus = new PostgresEventBus({ pool, connection: { connectionString: 'postgres://nobody:secret@127.0.0.1:1/none' }, logger: silentLogger, reconnectMinMs: 10_000 });
    bus.publish(greeting, { text: 'lost' });
    const started = Date.now();
    await bus.close();
    await pool.end();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
