import { itemTypeOfShape } from '../../../exercises/kit/shapes';
import { cleanText, shorten } from '../../../exercises/kit/text';
import { ITEM_TITLE_LENGTH, itemKindLabel, itemText, itemTitle, stringProp, type ShapeLike } from '../cards/itemText';
import type { NewAction } from '../../../shared/doc/actionPlanDoc';

/**
 * What a board item becomes when it is promoted to an action. Pure: works on a shape's JSON, so
 * the context menu, the inspector button and the tests share one rule.
 *
 * Promotable: sticky notes, text and geo shapes that carry text (their rich text as plain text),
 * and typed cards (their title field). The action keeps the item's id, so the link survives edits
 * of the item, and its title at the time, shown once the item is deleted.
 */

export type Promotion = Required<Pick<NewAction, 'text' | 'sourceItemId' | 'sourceTitle'>> &
  Pick<NewAction, 'owner' | 'due' | 'priorityArea'>;

/** Longest action text the document accepts (shared/actionPlanDoc.ts). */
const MAX_TEXT = 2000;

/**
 * The action an item becomes, or null when it cannot be promoted (another kind of shape, or no
 * text to act on). A typed Action card also brings its owner and due date; a Priority area card
 * names itself as the priority area.
 */
export function promotionOf(shape: ShapeLike): Promotion | null {
  if (itemKindLabel(shape) === null) return null;
  const text = itemText(shape);
  if (!text) return null;
  const promotion: Promotion = { text: shorten(text, MAX_TEXT), sourceItemId: shape.id, sourceTitle: shorten(text, ITEM_TITLE_LENGTH) };
  const itemType = itemTypeOfShape(shape.type);
  if (itemType === 'action') {
    promotion.owner = cleanText(stringProp(shape.props, 'owner'));
    promotion.due = cleanText(stringProp(shape.props, 'due'));
  } else if (itemType === 'priority') {
    promotion.priorityArea = shorten(text, MAX_TEXT);
  }
  return promotion;
}

/** What the selection offers: promote the items not yet in the plan, or show the action one became. */
export type SelectionOffer =
  | { kind: 'none' }
  | { kind: 'promote'; promotions: Promotion[] }
  | { kind: 'show'; actionId: string; title: string };

/**
 * The offer for the selected shapes. Items already promoted are not promoted twice: when every
 * promotable item of the selection already has an action, the offer is to show it.
 */
export function selectionOffer(shapes: readonly ShapeLike[], actionFor: (sourceItemId: string) => { id: string } | undefined): SelectionOffer {
  const promotions: Promotion[] = [];
  let existing: { actionId: string; title: string } | null = null;
  for (const shape of shapes) {
    const action = actionFor(shape.id);
    if (action) {
      existing ??= { actionId: action.id, title: itemTitle(shape) };
      continue;
    }
    const p = promotionOf(shape);
    if (p) promotions.push(p);
  }
  if (promotions.length > 0) return { kind: 'promote', promotions };
  return existing ? { kind: 'show', ...existing } : { kind: 'none' };
}
