import { describe, expect, it } from 'vitest';
import { readRecords, recordsOf } from '../../shared/doc/boardDoc';
import { DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../shared/doc/docLayout';
import { blank } from '../../exercises/blank';
import { boardSchema } from '../../exercises/registry';
import { boardDoc, boardRow } from '../exports/testing';
import { alignSnapshotSchema, utcMinute } from './HistoryService';
import { docContent, restoreDocContent } from './restore';

/** A geo shape as an app from before rich text (geo props version 9) saved it. */
const oldGeo = {
  id: 'shape:old',
  typeName: 'shape',
  type: 'geo',
  x: 10,
  y: 20,
  rotation: 0,
  index: 'a5',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  meta: {},
  props: {
    geo: 'rectangle',
    dash: 'draw',
    url: '',
    w: 200,
    h: 100,
    growY: 0,
    scale: 1,
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    text: 'Saved by the old app',
  },
};

describe('alignSnapshotSchema', () => {
  it("migrates a snapshot saved with an older schema to the server's, so a restore never mixes versions", () => {
    const live = boardDoc(blank, boardRow(blank));
    const old = boardDoc(blank, boardRow(blank));
    const current = boardSchema().serialize();
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 9 } };
    old.getMap(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, older);
    const kv = recordsOf(old);
    kv.set(oldGeo.id, oldGeo as never);
    kv.destroy?.();

    expect(alignSnapshotSchema(old)).toBe(true);
    restoreDocContent(live, old, 'server');
    expect(live.getMap(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY)).toEqual(current);
    const migrated = readRecords(live).get(oldGeo.id as never) as unknown as { props: Record<string, unknown> };
    expect(migrated.props.text).toBeUndefined();
    expect(migrated.props.richText).toMatchObject({ type: 'doc' });
    expect(JSON.stringify(migrated.props.richText)).toContain('Saved by the old app');
    expect(() => boardSchema().validateRecord(null as never, migrated as never, 'initialize', null)).not.toThrow();
  });

  it('leaves a snapshot of the same schema as it is', () => {
    const snap = boardDoc(blank, boardRow(blank));
    const before = docContent(snap);
    expect(alignSnapshotSchema(snap)).toBe(false);
    expect(docContent(snap)).toEqual(before);
  });

  it('refuses a snapshot it cannot migrate, before anything is written', () => {
    const live = boardDoc(blank, boardRow(blank));
    const snap = boardDoc(blank, boardRow(blank));
    const current = boardSchema().serialize();
    snap.getMap(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 99 } });
    const kv = recordsOf(snap);
    kv.set(oldGeo.id, oldGeo as never);
    kv.destroy?.();
    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    expect(() => alignSnapshotSchema(snap)).toThrow(expect.objectContaining({ status: 409, code: 'snapshot_incompatible' }));
    expect(updates).toEqual([]);
  });
});

describe('utcMinute', () => {
  it('names a minute in UTC', () => {
    expect(utcMinute(Date.UTC(2026, 10, 25, 14, 5, 59))).toBe('2026-11-25 14:05 UTC');
  });
});
