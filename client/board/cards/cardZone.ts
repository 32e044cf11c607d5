import type { ExerciseTemplate, TemplateZone } from '../../../shared/template';

/** Whether a zone is meant for an item type (a zone that names no types takes any). */
export function zoneTakes(zone: TemplateZone, itemType: string): boolean {
  return !zone.itemTypes || zone.itemTypes.includes(itemType);
}

/**
 * The zone a new card of `itemType` goes into: the current step's zone when it takes that type,
 * else the first zone of the template (on the board) that does; null when none does (the card
 * then goes to the middle of the view). Pure.
 */
export function zoneForNewCard(
  template: ExerciseTemplate,
  currentZoneId: string | null | undefined,
  itemType: string,
  onBoard: (zoneId: string) => boolean,
): TemplateZone | null {
  const current = currentZoneId ? template.zones.find((z) => z.id === currentZoneId && onBoard(z.id)) : undefined;
  if (current && zoneTakes(current, itemType)) return current;
  return template.zones.find((z) => onBoard(z.id) && zoneTakes(z, itemType)) ?? null;
}
