import type { ExerciseTemplate, TemplateZone } from '../../shared/template';
import { DEFAULT_PAGE_ID } from '../../shared/boardDoc';
import { getIndicesBetween, type IndexKey } from '@tldraw/utils';
import { ZONE_SHAPE_TYPE } from './shapes';

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
