import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsOf, seedBoardDoc } from '../../../shared/doc/boardDoc';
import { DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../../shared/doc/docLayout';
import { boardSchema, getTemplate } from '../../../exercises/registry';
import { templateRecords } from '../../../exercises/kit/seed';
import { parseRoute } from '../../lib/route';
import { defaultSnapshotName, snapshotDate, snapshotOrigin } from './format';
import { snapshotPageUrl } from './historyApi';
import { storeFromSnapshot } from './snapshotDoc';

function seeded(templateId: string): Y.Doc {
  const template = getTemplate(templateId)!;
  const doc = new Y.Doc();
  seedBoardDoc(doc, { id: 'B1', title: 'T', region: 'R', sector: 'S', createdAt: '2026-01-01T00:00:00Z' }, template, boardSchema(), templateRecords(template));
  return doc;
}

describe('board history in the client', () => {
  it('proposes a snapshot name from the local time and formats dates and origins', () => {
    expect(defaultSnapshotName(new Date(2026, 10, 25, 14, 5))).toBe('Snapshot 25 Nov 14:05');
    expect(defaultSnapshotName(new Date(2026, 0, 3, 9, 0))).toBe('Snapshot 3 Jan 09:00');
    const local = new Date(2026, 10, 25, 14, 5).toISOString();
    expect(snapshotDate(local)).toBe('25 Nov 2026, 14:05');
    expect(snapshotDate('not a date')).toBe('not a date');
    expect(snapshotOrigin({ kind: 'manual', createdBy: 'Fran' })).toBe('Saved by Fran');
    expect(snapshotOrigin({ kind: 'auto', createdBy: null })).toBe('Automatic');
    expect(snapshotOrigin({ kind: 'pre-restore', createdBy: 'Fran' })).toBe('Before a restore by Fran');
  });

  it('routes the read-only snapshot page and builds its links', () => {
    expect(parseRoute({ pathname: '/b/B1/history/S1', search: '?token=abc' })).toEqual({ name: 'snapshot', boardId: 'B1', snapshotId: 'S1', token: 'abc' });
    expect(parseRoute({ pathname: '/b/B1/history/S1/', search: '' })).toEqual({ name: 'snapshot', boardId: 'B1', snapshotId: 'S1', token: null });
    expect(parseRoute({ pathname: '/b/B1/history/%E0', search: '' })).toEqual({ name: 'not-found', path: '/b/B1/history/%E0' });
    expect(parseRoute({ pathname: '/b/B1/history', search: '' })).toEqual({ name: 'not-found', path: '/b/B1/history' });
    expect(parseRoute({ pathname: '/b/B1', search: '?token=t' })).toEqual({ name: 'board', boardId: 'B1', token: 't' });
    const url = new URL(snapshotPageUrl('B1', 'S_1-x', 'a b'), 'http://x');
    expect(parseRoute(url)).toEqual({ name: 'snapshot', boardId: 'B1', snapshotId: 'S_1-x', token: 'a b' });
  });

  it('loads a snapshot into a store through the board loading path, read only', () => {
    const doc = seeded('many-tables-many-knocks');
    const kv = recordsOf(doc);
    kv.set('shape:card', { ...(kv.get('shape:zone-tables' as never) as object), id: 'shape:card', isLocked: false } as never);
    kv.destroy?.();
    const state = Y.encodeStateAsUpdate(doc);
    const result = storeFromSnapshot(state);
    expect(result.kind).toBe('ok');
    const store = result.kind === 'ok' ? result.store : null;
    expect(store?.has('shape:card' as never)).toBe(true);
    expect(store?.has('shape:zone-tables' as never)).toBe(true);
  });

  it('refuses a snapshot from a newer version and one without a board', () => {
    const doc = seeded('blank');
    const schema = doc.getMap(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY) as { sequences: Record<string, number> };
    doc.getMap(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.geo': 999 } });
    expect(storeFromSnapshot(Y.encodeStateAsUpdate(doc)).kind).toBe('newer');
    expect(storeFromSnapshot(Y.encodeStateAsUpdate(new Y.Doc())).kind).toBe('empty');
  });
});
