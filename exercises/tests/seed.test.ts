import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readActions } from '../../shared/doc/actionPlanDoc';
import { readRecords, seedBoardDoc, STARTING_ACTION_AUTHOR } from '../../shared/doc/boardDoc';
import { blank } from '../blank';
import { boardSchema } from '../registry';
import type { ExerciseDef, ItemTypeDef } from '../kit/definitions';
import { exerciseRecords, starterShapeId, templateRecords, zoneShapeId } from '../kit/seed';
import { expectValidRecords } from '../kit/testing';
import { universeOfConnections } from '../universe-of-connections';

const sectorType: ItemTypeDef = universeOfConnections.itemTypes.find((t) => t.type === 'sector')!;

/** An exercise with two zones and two starter cards of the Universe's `sector` type. */
const withStarters: ExerciseDef = {
  ...universeOfConnections,
  template: { ...universeOfConnections.template, startingActions: ['Call the college', 'Book the room'] },
  starterItems: [
    { type: 'sector', zoneId: 'sectors', x: 40, y: 60, fields: { name: 'Healthcare' } },
    { type: 'sector', zoneId: 'sectors', x: 320, y: 60, fields: { name: 'Logistics', agreed: true } },
  ],
};

describe('seeding a new board', () => {
  it('puts starter cards after the zones, unlocked, in their zone, with their fields over the defaults', () => {
    const records = exerciseRecords(withStarters);
    const zones = templateRecords(withStarters.template);
    expect(records.slice(0, zones.length)).toEqual(zones);
    const starters = records.slice(zones.length);
    expect(starters.map((r) => r.id)).toEqual([starterShapeId(0), starterShapeId(1)]);
    const zone = withStarters.template.zones.find((z) => z.id === 'sectors')!;
    expect(starters[1]).toMatchObject({ x: zone.x + 320, y: zone.y + 60, isLocked: false, props: { name: 'Logistics', agreed: true, notes: '', w: sectorType.w, h: sectorType.h } });
    // Above every zone, below the first card a participant adds.
    const indices = records.map((r) => r.index as string);
    expect([...indices].sort()).toEqual(indices);
    expect(indices.at(-1)! < 'a1').toBe(true);
    expectValidRecords(records);
  });

  it('refuses a starter of a type, field or zone the exercise does not have', () => {
    expect(() => exerciseRecords({ ...withStarters, starterItems: [{ type: 'knock', zoneId: 'sectors', x: 0, y: 0, fields: {} }] })).toThrow(/unknown type "knock"/);
    expect(() => exerciseRecords({ ...withStarters, starterItems: [{ type: 'sector', zoneId: 'nowhere', x: 0, y: 0, fields: {} }] })).toThrow(/unknown zone "nowhere"/);
    expect(() => exerciseRecords({ ...withStarters, starterItems: [{ type: 'sector', zoneId: 'sectors', x: 0, y: 0, fields: { colour: 'red' } }] })).toThrow(/no field "colour"/);
  });

  it('seeds the template’s starting actions in order, owner and due date empty', () => {
    const doc = new Y.Doc();
    seedBoardDoc(doc, { id: 'B1', title: 'T', region: 'R', sector: 'S', createdAt: '2026-03-02T09:00:00.000Z' }, withStarters.template, boardSchema(), exerciseRecords(withStarters));
    expect(readActions(doc).map((a) => [a.text, a.owner, a.due, a.status, a.createdBy])).toEqual([
      ['Call the college', '', '', 'not-started', STARTING_ACTION_AUTHOR],
      ['Book the room', '', '', 'not-started', STARTING_ACTION_AUTHOR],
    ]);
    expect(readRecords(doc).has(starterShapeId(1))).toBe(true);
    expect(readRecords(doc).has(zoneShapeId('sectors'))).toBe(true);
  });

  it('seeds no action and no card for a template without them', () => {
    const doc = new Y.Doc();
    seedBoardDoc(doc, { id: 'B1', title: 'T', region: 'R', sector: 'S', createdAt: '2026-03-02T09:00:00.000Z' }, blank.template, boardSchema(), exerciseRecords(blank));
    expect(readActions(doc)).toEqual([]);
    expect(exerciseRecords(universeOfConnections)).toEqual(templateRecords(universeOfConnections.template));
  });
});
