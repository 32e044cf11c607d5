import { itemTypeOfShape, ZONE_SHAPE_TYPE } from '../../../exercises/kit/shapes';
import type { ExerciseTemplate } from '../../../shared/template';
import { itemKindLabel, itemTitle } from '../cards/itemText';

/**
 * What a vote round's step offers to vote on: the typed cards and sticky notes whose centre lies in
 * the step's zone (the innermost zone, as in the results extraction). A step without a zone offers
 * the items outside every zone ("Other cards"). Pure: works on shapes' JSON and page bounds.
 */

export interface PlacedShape {
  id: string;
  type: string;
  props: object;
  /** Page bounds. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface VotableItem {
  id: string;
  title: string;
  /** "Sticky note", or the card's type label ("Organization"). */
  kind: string;
}

export interface VotableSet {
  /** Zone the items come from; null when the step has none (items outside every zone). */
  zoneId: string | null;
  items: VotableItem[];
}

export function isVotableShape(shape: { type: string }): boolean {
  return shape.type === 'note' || itemTypeOfShape(shape.type) !== null;
}

export function votableItems(shapes: Iterable<PlacedShape>, template: ExerciseTemplate | null, stepId: string): VotableSet {
  const stepZone = template?.steps.find((s) => s.id === stepId)?.zoneId ?? null;
  const zones: { zoneId: string; x: number; y: number; w: number; h: number }[] = [];
  const candidates: PlacedShape[] = [];
  for (const s of shapes) {
    if (s.type === ZONE_SHAPE_TYPE) {
      const stored = (s.props as { zoneId?: unknown }).zoneId;
      if (typeof stored !== 'string' || !stored) continue;
      zones.push({ zoneId: template?.zoneAliases?.[stored] ?? stored, x: s.x, y: s.y, w: s.w, h: s.h });
    } else if (isVotableShape(s) && itemKindLabel(s) !== null) {
      candidates.push(s);
    }
  }
  zones.sort((a, b) => a.w * a.h - b.w * b.h); // smallest first: the innermost zone wins
  const zoneAt = (cx: number, cy: number) => zones.find((z) => cx >= z.x && cx <= z.x + z.w && cy >= z.y && cy <= z.y + z.h)?.zoneId ?? null;

  const items = candidates
    .filter((s) => zoneAt(s.x + s.w / 2, s.y + s.h / 2) === stepZone)
    // Reading order: top to bottom, then left to right.
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
    .map((s) => ({ id: s.id, title: itemTitle(s), kind: itemKindLabel(s) ?? 'Item' }));
  return { zoneId: stepZone, items };
}
