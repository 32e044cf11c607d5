import { itemTypeOfShape } from '../../../exercises/kit/shapes';
import { cleanText, shorten } from '../../../exercises/kit/text';
import { getItemType } from '../../../exercises/registry';
import { plainTextOfRichText } from '../../../shared/doc/richText';

/**
 * How people read a board item in lists (the action plan's source links, the vote tab): its text
 * as one line, its kind and a short title. Pure: works on a shape's JSON. Sticky notes, text and
 * geo shapes carry rich text; typed cards their title field.
 */

/** The part of a shape this module reads. */
export interface ShapeLike {
  id: string;
  type: string;
  props: object;
}

/** Longest title a source link shows. */
export const ITEM_TITLE_LENGTH = 80;
const TEXT_SHAPES: Record<string, string> = { note: 'Sticky note', text: 'Text', geo: 'Shape' };

/** A string prop of a shape ('' when missing or not a string). */
export function stringProp(props: object, key: string): string {
  const v = (props as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
}

/** The item's text as one line ('' when it has none or is not promotable). */
export function itemText(shape: ShapeLike): string {
  if (shape.type in TEXT_SHAPES) return cleanText(plainTextOfRichText((shape.props as { richText?: unknown }).richText));
  const def = getItemType(itemTypeOfShape(shape.type) ?? '');
  return def ? cleanText(stringProp(shape.props, def.titleField)) : '';
}

/** What kind of item it is, for people ("Sticky note", "Idea"); null when it cannot be promoted. */
export function itemKindLabel(shape: ShapeLike): string | null {
  if (shape.type in TEXT_SHAPES) return TEXT_SHAPES[shape.type];
  return getItemType(itemTypeOfShape(shape.type) ?? '')?.label ?? null;
}

/** The title a source link shows for an item: its text, shortened, or its kind when it has none. */
export function itemTitle(shape: ShapeLike): string {
  return shorten(itemText(shape), ITEM_TITLE_LENGTH) || itemKindLabel(shape) || 'Item';
}

