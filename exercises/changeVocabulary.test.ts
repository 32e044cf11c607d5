import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeVocabulary } from './kit/changeVocabulary';
import { fixtureFor } from './kit/testing';
import { manyTablesManyKnocks } from './many-tables-many-knocks';
import { getItemType } from './registry';
import { addAction, removeAction, updateAction } from '../shared/doc/actionPlanDoc';
import { recordsOf } from '../shared/doc/boardDoc';
import {
  boardContentOf,
  changesSince,
  noChanges,
  parseSeenSummary,
  SEEN_TITLE_LENGTH,
  summarize,
  type SeenSummary,
} from '../shared/doc/changes';

const vocab = changeVocabulary(manyTablesManyKnocks, getItemType);
const T0 = new Date('2026-03-02T09:00:00.000Z');

/**
 * A Many Tables board in a Y.Doc: two tables, a knock, a sticky, a typed overlap arrow between
 * the tables, an untyped arrow, and one action.
 */
function fixtureDoc() {
  const f = fixtureFor(manyTablesManyKnocks);
  const ids = {
    advisory: f.item('table', { name: 'Manufacturing Advisory Committee', cadence: 'Twice a year' }, { zone: 'tables', x: 40, y: 80 }),
    council: f.item('table', { name: 'Precision Manufacturing Council', cadence: 'Monthly' }, { zone: 'tables', x: 320, y: 80 }),
    knock: f.item('knock', { organization: 'Workforce Board', program: 'Business services' }, { zone: 'knocks', x: 40, y: 80 }),
    sticky: f.sticky('Ask the chamber about the small shops', { zone: 'tables', x: 40, y: 600 }),
    emptySticky: f.sticky('', { zone: 'tables', x: 400, y: 600 }),
    overlap: '',
    plainArrow: '',
  };
  ids.overlap = f.connect('overlaps', ids.advisory, ids.council, { overlap: 'members' });
  ids.plainArrow = f.connect(null, ids.advisory, ids.knock);
  const doc = new Y.Doc();
  const kv = recordsOf(doc);
  doc.transact(() => {
    for (const r of f.build()) kv.set(r.id as string, r as never);
  });
  const action = addAction(doc, { text: 'Invite the council chair to the advisory committee', owner: 'Maria', createdBy: 'Ada' }, T0, 'action:invite');
  return { doc, kv, ids, action, builder: f };
}

function seen(doc: Y.Doc): SeenSummary {
  return summarize(boardContentOf(doc), vocab, T0);
}

function since(prev: SeenSummary | null, doc: Y.Doc) {
  return changesSince(prev, boardContentOf(doc), vocab);
}

/** Changes a record's props or position in the doc, as an edit would. */
function edit(kv: ReturnType<typeof recordsOf>, id: string, change: (r: any) => void) {
  const r = structuredClone(kv.get(id)) as any;
  change(r);
  kv.set(id, r);
}

describe('changes since the last visit', () => {
  it('tracks typed cards, stickies with text, typed arrows and actions, and nothing else', () => {
    const { doc, ids, action } = fixtureDoc();
    const s = seen(doc);
    expect(Object.keys(s.e).sort()).toEqual([ids.advisory, ids.council, ids.knock, ids.sticky, ids.overlap, action].sort());
    expect(s.e[ids.advisory]).toMatch(/^i[0-9a-z]+ Manufacturing Advisory Committee$/);
    expect(s.e[action]).toMatch(/^a[0-9a-z]+ Invite the council chair to the advisor…$/);
    expect(s.e[ids.overlap]).toContain('Overlaps');
  });

  it('reports nothing on a first visit or when nothing changed', () => {
    const { doc } = fixtureDoc();
    expect(noChanges(since(null, doc))).toBe(true);
    const s = seen(doc);
    expect(since(s, doc)).toEqual({ added: [], changed: [], removed: [] });
    // A round trip through storage changes nothing either.
    expect(noChanges(since(parseSeenSummary(JSON.parse(JSON.stringify(s))), doc))).toBe(true);
  });

  it('reports an added card, a changed field and a removed card with the title it had', () => {
    const { doc, kv, ids, builder } = fixtureDoc();
    const s = seen(doc);
    const gap = builder.item('gap', { text: 'No table for the small shops' }, { zone: 'tables', x: 700, y: 500 });
    const gapRecord = builder.build().find((r) => r.id === gap)!;
    doc.transact(() => {
      kv.set(gap, gapRecord as never);
      edit(kv, ids.council, (r) => {
        r.props.cadence = 'Every other month';
      });
      kv.delete(ids.knock);
    });
    expect(since(s, doc)).toEqual({
      added: [{ id: gap, kind: 'item', title: 'No table for the small shops' }],
      changed: [{ id: ids.council, kind: 'item', title: 'Precision Manufacturing Council' }],
      removed: [{ id: ids.knock, kind: 'item', title: 'Business services' }],
    });
  });

  it('does not count a move or resize within a zone, but does count a move into another zone', () => {
    const { doc, kv, ids } = fixtureDoc();
    const s = seen(doc);
    edit(kv, ids.advisory, (r) => {
      r.x += 120;
      r.y += 40;
      r.props.w += 30;
    });
    edit(kv, ids.sticky, (r) => {
      r.x += 50;
    });
    expect(noChanges(since(s, doc))).toBe(true);
    // From "The many tables" (x 2900…5600) to "The many knocks" (y 1300…2600).
    edit(kv, ids.advisory, (r) => {
      r.x = 200;
      r.y = 1500;
    });
    expect(since(s, doc).changed.map((c) => c.id)).toEqual([ids.advisory]);
  });

  it('reports a renamed card under its new title and an edited sticky', () => {
    const { doc, kv, ids } = fixtureDoc();
    const s = seen(doc);
    edit(kv, ids.advisory, (r) => {
      r.props.name = 'Advanced Manufacturing Advisory Committee';
    });
    edit(kv, ids.sticky, (r) => {
      r.props.richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask the chamber first' }] }] };
    });
    const c = since(s, doc);
    expect(c.changed.map((e) => e.title).sort()).toEqual(['Advanced Manufacturing Advisory Committee', 'Ask the chamber first']);
    expect(c.added).toEqual([]);
  });

  it('reports a connector whose kind fields or ends changed, and ignores untyped arrows', () => {
    const { doc, kv, ids } = fixtureDoc();
    const s = seen(doc);
    edit(kv, ids.plainArrow, (r) => {
      r.props.color = 'red';
    });
    expect(noChanges(since(s, doc))).toBe(true);
    edit(kv, ids.overlap, (r) => {
      r.meta.pb.fields.notes = 'Same five employers sit on both';
    });
    expect(since(s, doc).changed).toEqual([{ id: ids.overlap, kind: 'item', title: 'Overlaps: Manufacturing Advisory Committee → Precision Manufacturing Council' }]);
  });

  it('a sticky that gets its first text counts as added; one emptied counts as removed', () => {
    const { doc, kv, ids } = fixtureDoc();
    const s = seen(doc);
    edit(kv, ids.emptySticky, (r) => {
      r.props.richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Late idea' }] }] };
    });
    edit(kv, ids.sticky, (r) => {
      r.props.richText = { type: 'doc', content: [{ type: 'paragraph' }] };
    });
    const c = since(s, doc);
    expect(c.added).toEqual([{ id: ids.emptySticky, kind: 'item', title: 'Late idea' }]);
    expect(c.removed).toEqual([{ id: ids.sticky, kind: 'item', title: 'Ask the chamber about the small shops' }]);
  });

  it('reports action status changes, new actions and removed actions', () => {
    const { doc, action } = fixtureDoc();
    const s = seen(doc);
    updateAction(doc, action, { status: 'in-progress' });
    const added = addAction(doc, { text: 'Map the small shops', createdBy: 'Bo' }, T0, 'action:map');
    let c = since(s, doc);
    expect(c.changed).toEqual([{ id: action, kind: 'action', title: 'Invite the council chair to the advisory committee' }]);
    expect(c.added).toEqual([{ id: added, kind: 'action', title: 'Map the small shops' }]);
    // Only the updatedAt timestamp moving is not a change.
    const s2 = seen(doc);
    updateAction(doc, action, {});
    expect(noChanges(since(s2, doc))).toBe(true);
    removeAction(doc, action);
    c = since(s2, doc);
    expect(c.removed).toEqual([{ id: action, kind: 'action', title: 'Invite the council chair to the advisor…' }]);
  });

  it('keeps a 1,000-item summary small enough for localStorage', () => {
    const f = fixtureFor(manyTablesManyKnocks);
    for (let i = 0; i < 1000; i++) {
      f.item('knock', { organization: `Organisation number ${i} with a rather long name`, program: `Program ${i}: ${'x'.repeat(120)}` }, { x: i * 10, y: 5000 });
    }
    const s = summarize({ records: f.build(), actions: [] }, vocab, T0);
    expect(Object.keys(s.e)).toHaveLength(1000);
    const bytes = JSON.stringify(s).length;
    expect(bytes).toBeLessThan(100_000);
    for (const v of Object.values(s.e)) expect(v.length).toBeLessThanOrEqual(1 + 7 + 1 + SEEN_TITLE_LENGTH);
  });

  it('reads junk as no summary and skips junk entries', () => {
    expect(parseSeenSummary(null)).toBeNull();
    expect(parseSeenSummary({ v: 2, e: {} })).toBeNull();
    expect(parseSeenSummary({ v: 1, e: [] })).toBeNull();
    const { doc } = fixtureDoc();
    const s = seen(doc);
    const junk = { ...s, e: { ...s.e, 'shape:gone': 42, 'shape:odd': 'x', 'shape:old': 'iabc Old card' } } as unknown as SeenSummary;
    expect(since(junk, doc).removed).toEqual([{ id: 'shape:old', kind: 'item', title: 'Old card' }]);
  });
});
