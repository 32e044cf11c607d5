import { describe, expect, it } from 'vitest';
import { universeOfConnectionsTemplate as template } from '../../../exercises/universe-of-connections/template';
import type { ExerciseTemplate } from '../../../shared/template';
import { votableItems, type PlacedShape } from './votableItems';

const zone = (zoneId: string, x: number, y: number, w: number, h: number): PlacedShape => ({
  id: `shape:zone-${zoneId}`,
  type: 'pb-zone',
  props: { zoneId, label: zoneId },
  x,
  y,
  w,
  h,
});

const org = (id: string, name: string, x: number, y: number): PlacedShape => ({
  id,
  type: 'pb-item-organization',
  props: { name },
  x,
  y,
  w: 240,
  h: 150,
});

const note = (id: string, text: string, x: number, y: number): PlacedShape => ({
  id,
  type: 'note',
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
  x,
  y,
  w: 200,
  h: 200,
});

const board: PlacedShape[] = [
  zone('universe', 0, 0, 3600, 2400),
  zone('sectors', 3700, 0, 1400, 1000),
  org('shape:b', 'Chamber of commerce', 400, 100),
  org('shape:a', 'Workforce board', 100, 100),
  note('shape:n', 'Call the college', 100, 600),
  // Centre outside the universe (x 3500..3740 → centre 3620): in no zone.
  org('shape:edge', 'Half out', 3500, 100),
  org('shape:s', '', 3800, 100),
  { id: 'shape:arrow', type: 'arrow', props: {}, x: 100, y: 100, w: 300, h: 10 },
  { id: 'shape:geo', type: 'geo', props: {}, x: 100, y: 100, w: 300, h: 10 },
];

describe('votableItems', () => {
  it('lists the cards and stickies whose centre is in the step’s zone, in reading order', () => {
    const set = votableItems(board, template, 'place');
    expect(set.zoneId).toBe('universe');
    expect(set.items).toEqual([
      { id: 'shape:a', title: 'Workforce board', kind: 'Organization' },
      { id: 'shape:b', title: 'Chamber of commerce', kind: 'Organization' },
      { id: 'shape:n', title: 'Call the college', kind: 'Sticky note' },
    ]);
  });

  it('names an empty card by its type', () => {
    expect(votableItems(board, template, 'sectors').items).toEqual([{ id: 'shape:s', title: 'Organization', kind: 'Organization' }]);
  });

  it('offers the items outside every zone for a step without a zone', () => {
    const set = votableItems(board, template, 'discuss');
    expect(set.zoneId).toBeNull();
    expect(set.items.map((i) => i.id)).toEqual(['shape:edge']);
  });

  it('follows zone aliases of older template versions and prefers the innermost zone', () => {
    const aliased: ExerciseTemplate = { ...template, zoneAliases: { cosmos: 'universe' } };
    const shapes = [zone('cosmos', 0, 0, 3600, 2400), zone('inner', 0, 0, 800, 800), org('shape:a', 'A', 100, 100), org('shape:c', 'C', 1200, 1200)];
    expect(votableItems(shapes, aliased, 'place').items.map((i) => i.id)).toEqual(['shape:c']);
  });
});
