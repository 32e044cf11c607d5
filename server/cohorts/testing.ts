import * as Y from 'yjs';
import { recordsOf } from '../../shared/doc/boardDoc';
import type { Storage } from '../storage/Storage';

/** Test helpers for the cohort endpoints. */

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** A server the helpers call: where it listens. */
export interface ServerUnderTest {
  readonly url: string;
}

export async function api(server: ServerUnderTest, method: string, path: string, token: string | null, body?: unknown): Promise<ApiAnswer> {
  const url = `${server.url}${path}${token === null ? '' : `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`}`;
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.startsWith('application/json') ? await res.json() : new Uint8Array(await res.arrayBuffer()) };
}

export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

export interface CreatedTestCohort {
  id: string;
  trainer: string;
  links: { trainer: string };
  boards: { team: string; id: string; links: { facilitator: string; editor: string; viewer: string }; tokens: { facilitator: string; editor: string; viewer: string } }[];
}

/** POST /api/cohorts; throws unless 201. */
export async function createTestCohort(server: ServerUnderTest, body: Record<string, unknown>): Promise<CreatedTestCohort> {
  const res = await api(server, 'POST', '/api/cohorts', null, { name: 'Spring Academy', template: 'many-tables-many-knocks', ...body });
  if (res.status !== 201) throw new Error(`cohort creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const c = res.body as Omit<CreatedTestCohort, 'trainer'>;
  return {
    ...c,
    trainer: tokenOf(c.links.trainer),
    boards: c.boards.map((b) => ({
      ...b,
      tokens: { facilitator: tokenOf(b.links.facilitator), editor: tokenOf(b.links.editor), viewer: tokenOf(b.links.viewer) },
    })),
  };
}

/**
 * Changes a board nobody has open, straight in storage (as an accepted update would): loads its
 * doc, runs `change`, appends the difference. The template's zones are already there.
 */
export async function changeStoredBoard(storage: Storage, boardId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const stored = await storage.loadDoc(boardId, 'board');
  const doc = new Y.Doc();
  if (stored.compacted) Y.applyUpdate(doc, stored.compacted);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  const before = Y.encodeStateVector(doc);
  change(doc);
  await storage.appendUpdates(boardId, 'board', [Y.encodeStateAsUpdate(doc, before)]);
  doc.destroy();
}

/** Adds records (a fixture's), leaving out the template zones the board already has. */
export function addRecords(doc: Y.Doc, records: readonly Record<string, unknown>[]): void {
  const kv = recordsOf(doc);
  doc.transact(() => {
    for (const r of records) if (!(r.typeName === 'shape' && r.type === 'pb-zone') && !kv.has(r.id as string)) kv.set(r.id as string, r as never);
  });
}
