import type { ItemTypeDef } from '../kit/definitions';
import { journeyStepItem, quoteItem } from '../common/items';

/**
 * The journey map has no item type of its own: it uses the shared `journey-step` (program,
 * stage, description, annotation) and `quote` cards, so steps drawn in Many Tables, Many Knocks
 * keep their meaning here.
 */
export const journeyMapItemTypes: ItemTypeDef[] = [journeyStepItem, quoteItem];
