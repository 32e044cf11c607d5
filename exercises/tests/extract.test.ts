import { describe, expect, it } from 'vitest';
import type { ExerciseDef } from '../kit/definitions';
import { extractBoard } from '../kit/extract';
import { FixtureBuilder } from '../kit/fixtureBuilder';
import { ideaItem, quoteItem } from '../common/items';
import { boardSchema } from '../registry';
import { createBoardSchema } from '../kit/schema';

const exercise: ExerciseDef = {
  template: {
    id: 'kit-test',
    title: 'Kit test',
    purpose: 'Exercises the generic extraction.',
    version: 1,
    steps: [
      { id: 'collect', title: 'Collect', prompt: 'Collect quotes.', minutes: 10, zoneId: 'left' },
      { id: 'dream', title: 'Dream', prompt: 'Dream up ideas.', minutes: 10, zoneId: 'right' },
      { id: 'talk', title: 'Talk', prompt: 'Discuss.', minutes: 5 },
    ],
    zones: [
      { id: 'left', label: 'Quotes', x: 0, y: 0, w: 1000, h: 800 },
      { id: 'right', label: 'Ideas', x: 1100, y: 0, w: 1000, h: 800 },
      { id: 'inner', label: 'Best ideas', x: 1200, y: 100, w: 400, h: 300 },
    ],
  },
  itemTypes: [quoteItem, ideaItem],
  connectorKinds: [
    { kind: 'leads-to', label: 'Leads to', description: 'One thing leads to another.', fields: [{ key: 'strength', label: 'Strength', kind: 'scale', min: 1, max: 3 }] },
  ],
  figures: (board) => [{ id: 'ideas', label: 'Ideas', kind: 'number', value: board.ofType('idea').length }],
};
const itemType = (t: string) => [quoteItem, ideaItem].find((d) => d.type === t);

describe('extractBoard', () => {
  it('extracts typed items with their fields, zones and steps, ignoring free content', () => {
    const f = new FixtureBuilder(exercise, itemType);
    const q = f.item('quote', { text: 'Too many calls', side: 'employers-about-us', tone: 'negative' }, { zone: 'left', x: 50, y: 50 });
    const i = f.item('idea', { text: 'One front door', outcomeFor: 'both', feasible: true }, { zone: 'inner', x: 20, y: 20 });
    const outside = f.item('idea', {}, { x: 5000, y: 5000 });
    f.sticky('just a sticky', { zone: 'left', x: 300, y: 300 });
    const { results } = extractBoard(f.build(), { exercise, itemType });
    expect(results.items.map((it) => it.id).sort()).toEqual([q, i, outside].sort());
    const quote = results.items.find((it) => it.id === q)!;
    expect(quote).toMatchObject({ type: 'quote', typeLabel: 'Quote', title: 'Too many calls', zoneId: 'left', stepIds: ['collect'] });
    expect(quote.fields).toEqual({ text: 'Too many calls', side: 'employers-about-us', tone: 'negative' });
    expect(results.items.find((it) => it.id === i)).toMatchObject({ zoneId: 'inner', stepIds: [] });
    expect(results.items.find((it) => it.id === outside)).toMatchObject({ zoneId: null, stepIds: [], title: 'Idea' });
    expect(results.steps).toEqual([
      { id: 'collect', title: 'Collect', zoneId: 'left', itemIds: [q] },
      { id: 'dream', title: 'Dream', zoneId: 'right', itemIds: [] },
      { id: 'talk', title: 'Talk', zoneId: null, itemIds: [] },
    ]);
    expect(results.figures).toEqual([{ id: 'ideas', label: 'Ideas', kind: 'number', value: 2 }]);
  });

  it('reads typed connectors and their ends, leaving unbound or deleted ends null', () => {
    const f = new FixtureBuilder(exercise, itemType);
    const a = f.item('idea', { text: 'A' }, { x: 0, y: 0 });
    const b = f.item('idea', { text: 'B' }, { x: 400, y: 0 });
    const gone = f.item('idea', { text: 'gone' }, { x: 800, y: 0 });
    const full = f.connect('leads-to', a, b, { strength: 3 });
    const half = f.connect('leads-to', a, null);
    const toGone = f.connect('leads-to', b, gone);
    f.connect(null, a, b); // an untyped arrow is not a connection
    const sticky = f.sticky('note', { x: 0, y: 400 });
    const toSticky = f.connect('leads-to', sticky, a);
    f.remove(gone);
    const { results } = extractBoard(f.build(), { exercise, itemType });
    expect(results.connections).toEqual(
      [
        { id: full, kind: 'leads-to', kindLabel: 'Leads to', fromId: a, toId: b, fields: { strength: 3 }, complete: true },
        { id: half, kind: 'leads-to', kindLabel: 'Leads to', fromId: a, toId: null, fields: { strength: null }, complete: false },
        { id: toGone, kind: 'leads-to', kindLabel: 'Leads to', fromId: b, toId: null, fields: { strength: null }, complete: false },
        { id: toSticky, kind: 'leads-to', kindLabel: 'Leads to', fromId: null, toId: a, fields: { strength: null }, complete: false },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });

  it('reads values that do not fit a field as empty', () => {
    const f = new FixtureBuilder(exercise, itemType);
    const id = f.item('quote', { text: 'x' }, { x: 0, y: 0 });
    const records = f.build();
    const rec = records.find((r) => r.id === id)! as { props: Record<string, unknown> };
    rec.props.tone = 'furious';
    rec.props.side = 42;
    rec.props.text = null;
    const { results } = extractBoard(records, { exercise, itemType });
    expect(results.items[0].fields).toEqual({ text: '', side: '', tone: '' });
  });

  it('produces records that the board schema accepts', () => {
    const schema = createBoardSchema([quoteItem, ideaItem]);
    const f = new FixtureBuilder(exercise, itemType);
    const a = f.item('quote', { text: 'ok', tone: 'positive' }, { zone: 'left', x: 0, y: 0 });
    f.connect('leads-to', a, null);
    f.sticky('hello', { x: 0, y: 0 });
    for (const r of f.build()) expect(() => schema.validateRecord(null as never, r as never, 'tests', null)).not.toThrow();
    const bad = { ...f.build().find((r) => r.id === a)! } as { props: Record<string, unknown> };
    bad.props = { ...bad.props, tone: 'furious' };
    expect(() => schema.validateRecord(null as never, bad as never, 'tests', null)).toThrow();
  });

  it('registers every exercise item type in the board schema', () => {
    expect(() => boardSchema().serialize()).not.toThrow();
  });
});
