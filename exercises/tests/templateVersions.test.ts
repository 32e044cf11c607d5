import { describe, expect, it } from 'vitest';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { ExerciseDef, ItemTypeDef } from '../kit/definitions';
import { extractBoard } from '../kit/extract';
import { FixtureBuilder } from '../kit/fixtureBuilder';
import { createBoardSchema } from '../kit/schema';
import { itemShapeType } from '../kit/shapes';
import { boardSchema, getItemType } from '../registry';
import { manyTablesManyKnocks } from '../many-tables-many-knocks';

/**
 * A template that changed between versions, as real ones will: version 1 had a zone "wish-list"
 * and `wish` cards with only a text; version 2 renamed the zone to "ideas" and added a
 * `priority` choice to the card (with a prop migration filling it in). A board saved under
 * version 1 must still open (its records migrate) and extract into version 2's steps.
 */
const wishV1: ItemTypeDef = {
  type: 'wish-test',
  label: 'Wish',
  description: 'Something the team wishes for.',
  color: 'yellow',
  titleField: 'text',
  w: 200,
  h: 120,
  fields: [{ key: 'text', label: 'Wish', kind: 'longtext' }],
};

const versions = createShapePropsMigrationIds(itemShapeType('wish-test'), { AddPriority: 1 });
const wishV2: ItemTypeDef = {
  ...wishV1,
  fields: [
    ...wishV1.fields,
    { key: 'priority', label: 'Priority', kind: 'choice', options: [{ value: 'unset', label: 'Not set' }, { value: 'high', label: 'High' }] },
  ],
  migrations: createShapePropsMigrationSequence({
    sequence: [{ id: versions.AddPriority, up: (props) => void (props.priority = 'unset'), down: (props) => void delete props.priority }],
  }),
};

const template = (version: number, zoneId: string) => ({
  id: 'versions-test',
  title: 'Versions',
  purpose: 'Tests template versions.',
  version,
  steps: [{ id: 'wish', title: 'Wish', prompt: 'Wish.', minutes: 5, zoneId }],
  zones: [{ id: zoneId, label: 'Wishes', x: 0, y: 0, w: 800, h: 600 }],
});

const v1: ExerciseDef = { template: template(1, 'wish-list'), itemTypes: [wishV1], connectorKinds: [], figures: () => [] };
const v2: ExerciseDef = {
  template: { ...template(2, 'ideas'), zoneAliases: { 'wish-list': 'ideas' } },
  itemTypes: [wishV2],
  connectorKinds: [],
  figures: (board) => [{ id: 'wishes', label: 'Wishes', kind: 'number', value: board.ofType('wish-test').length }],
};

describe('a board created from an older template version', () => {
  const f = new FixtureBuilder(v1, () => wishV1);
  const card = f.item('wish-test', { text: 'One shared employer calendar' }, { zone: 'wish-list', x: 40, y: 40 });
  const savedRecords = f.build();
  const savedSchema = createBoardSchema([wishV1]).serialize();

  it('migrates its records to the current item definition', () => {
    const current = createBoardSchema([wishV2]);
    const store = Object.fromEntries(savedRecords.map((r) => [r.id, r]));
    const migrated = current.migrateStoreSnapshot({ store: store as never, schema: savedSchema });
    expect(migrated.type).toBe('success');
    const rec = (migrated as { value: Record<string, { props: Record<string, unknown> }> }).value[card];
    expect(rec.props).toMatchObject({ text: 'One shared employer calendar', priority: 'unset' });
    for (const r of Object.values((migrated as { value: Record<string, unknown> }).value)) {
      expect(() => current.validateRecord(null as never, r as never, 'tests', null)).not.toThrow();
    }
  });

  it('extracts into the current steps through the zone aliases', () => {
    const current = createBoardSchema([wishV2]);
    const store = Object.fromEntries(savedRecords.map((r) => [r.id, r]));
    const migrated = current.migrateStoreSnapshot({ store: store as never, schema: savedSchema }) as { value: Record<string, unknown> };
    const { results } = extractBoard(Object.values(migrated.value), { exercise: v2, itemType: () => wishV2, templateVersion: 1 });
    expect(results.templateVersion).toBe(1);
    expect(results.items).toHaveLength(1);
    expect(results.items[0]).toMatchObject({ id: card, zoneId: 'ideas', stepIds: ['wish'], fields: { text: 'One shared employer calendar', priority: 'unset' } });
    expect(results.steps).toEqual([{ id: 'wish', title: 'Wish', zoneId: 'ideas', itemIds: [card] }]);
    expect(results.figures).toEqual([{ id: 'wishes', label: 'Wishes', kind: 'number', value: 1 }]);
  });
});

describe('a Many Tables, Many Knocks board made under version 1 (larger zones)', () => {
  /** Version 1's zones, as boards created then carry them. */
  const v1Zones = [
    { id: 'journey', label: 'Employer journey', color: 'light-violet' as const, x: 0, y: 0, w: 2800, h: 1200 },
    { id: 'tables', label: 'The many tables', color: 'blue' as const, x: 2900, y: 0, w: 2700, h: 1200 },
    { id: 'knocks', label: 'The many knocks', color: 'orange' as const, x: 0, y: 1300, w: 2400, h: 1300 },
    { id: 'ideal', label: 'Ideal alternative', color: 'yellow' as const, x: 2500, y: 1300, w: 1400, h: 1300 },
    { id: 'real', label: 'Real alternative', color: 'green' as const, x: 4000, y: 1300, w: 1600, h: 1300 },
  ];
  const v1: ExerciseDef = { ...manyTablesManyKnocks, template: { ...manyTablesManyKnocks.template, version: 1, zones: v1Zones } };
  const f = new FixtureBuilder(v1, getItemType);
  // Far into the big zones: places the version 3 zones no longer reach.
  const table = f.item('table', { name: 'Manufacturing council' }, { zone: 'tables', x: 2300, y: 1000 });
  const idea = f.item('idea', { text: 'One front door' }, { zone: 'real', x: 1200, y: 1000 });
  const records = f.build();

  it('keeps its own zones, which validate against the current schema', () => {
    expect(manyTablesManyKnocks.template.version).toBe(3);
    const zone = records.find((r) => r.id === 'shape:zone-tables') as { props: { w: number } };
    expect(zone.props.w).toBe(2700);
    const schema = boardSchema();
    for (const r of records) expect(() => schema.validateRecord(null as never, r as never, 'tests', null)).not.toThrow();
  });

  it('extracts into the current steps by its own zones', () => {
    const { results } = extractBoard(records, { exercise: manyTablesManyKnocks, itemType: getItemType, templateVersion: 1 });
    expect(results.templateVersion).toBe(1);
    expect(results.items.find((i) => i.id === table)).toMatchObject({ zoneId: 'tables', stepIds: ['map-tables'] });
    expect(results.items.find((i) => i.id === idea)).toMatchObject({ zoneId: 'real', stepIds: ['real-alternative'] });
  });
});
