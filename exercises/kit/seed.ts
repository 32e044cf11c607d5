import type { ExerciseTemplate, TemplateZone } from '../../shared/template';
import { DEFAULT_PAGE_ID } from '../../shared/doc/boardDoc';
import { getIndicesBetween, type IndexKey } from '@tldraw/utils';
import { defaultFields, type ExerciseDef } from './definitions';
import { itemShapeType, ZONE_SHAPE_TYPE } from './shapes';

export function zoneShapeId(zoneId: string): string {
  return `shape:zone-${zoneId}`;
}

/** Index keys of the first item a participant adds ('a1'); zones sort below it. */
export const FIRST_ITEM_INDEX = 'a1' as IndexKey;

/**
 * The records a template puts on a new board: one locked zone shape per template zone, drawn
 * beneath everything participants add.
 */
export function templateRecords(template: ExerciseTemplate): Record<string, unknown>[] {
  const indices = getIndicesBetween(null, FIRST_ITEM_INDEX, template.zones.length);
  return template.zones.map((zone: TemplateZone, i) => ({
    id: zoneShapeId(zone.id),
    typeName: 'shape',
    type: ZONE_SHAPE_TYPE,
    x: zone.x,
    y: zone.y,
    rotation: 0,
    index: indices[i],
    parentId: DEFAULT_PAGE_ID,
    isLocked: true,
    opacity: 1,
    meta: {},
    props: {
      w: zone.w,
      h: zone.h,
      zoneId: zone.id,
      label: zone.label,
      badge: template.steps
        .map((s, n) => (s.zoneId === zone.id ? String(n + 1) : ''))
        .filter(Boolean)
        .join(', '),
      color: zone.color ?? 'grey',
    },
  }));
}

/** Shape id of the n-th starter card of a template (stable, so seeding twice writes the same records). */
export function starterShapeId(n: number): string {
  return `shape:starter-${n + 1}`;
}

/**
 * The records an exercise puts on a new board: its template's zones (`templateRecords`), then its
 * starter cards (ExerciseDef.starterItems), unlocked, above the zones and below everything
 * participants add. Throws when a starter names an item type outside the exercise's palette, a
 * field its type does not have, or a zone its template does not have.
 */
export function exerciseRecords(exercise: ExerciseDef): Record<string, unknown>[] {
  const zones = templateRecords(exercise.template);
  const starters = exercise.starterItems ?? [];
  if (starters.length === 0) return zones;
  const below = (zones.at(-1)?.index as IndexKey | undefined) ?? null;
  const indices = getIndicesBetween(below, FIRST_ITEM_INDEX, starters.length);
  const zoneById = new Map(exercise.template.zones.map((z) => [z.id, z]));
  return [
    ...zones,
    ...starters.map((s, n) => {
      const def = exercise.itemTypes.find((d) => d.type === s.type);
      if (!def) throw new Error(`${exercise.template.id}: starter card of unknown type "${s.type}"`);
      const zone = zoneById.get(s.zoneId);
      if (!zone) throw new Error(`${exercise.template.id}: starter card in unknown zone "${s.zoneId}"`);
      for (const key of Object.keys(s.fields)) {
        if (!def.fields.some((f) => f.key === key)) throw new Error(`${exercise.template.id}: "${s.type}" has no field "${key}"`);
      }
      return {
        id: starterShapeId(n),
        typeName: 'shape',
        type: itemShapeType(def.type),
        x: zone.x + s.x,
        y: zone.y + s.y,
        rotation: 0,
        index: indices[n],
        parentId: DEFAULT_PAGE_ID,
        isLocked: false,
        opacity: 1,
        meta: {},
        props: { w: def.w, h: def.h, ...defaultFields(def.fields), ...s.fields },
      };
    }),
  ];
}
