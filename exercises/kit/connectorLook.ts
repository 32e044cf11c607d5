import type { FieldValue } from '../../shared/results';
import { displayValue, type ConnectorColor, type ConnectorKindDef, type ConnectorLook } from './definitions';

/**
 * How a typed connector shows on the canvas: its line (colour, dash, arrowheads) and its short
 * label. Pure data from the connector kind definitions, so every exercise (including ones added
 * later) gets distinct looks and labels without declaring them; a kind's `look` and `labelFields`
 * override the defaults.
 */

export type ResolvedLook = Required<ConnectorLook>;

/** Default colours and dashes by the kind's place in its exercise: neighbours differ in both. */
const COLORS: readonly ConnectorColor[] = ['blue', 'orange', 'violet', 'green', 'red', 'light-blue', 'black'];
const DASHES: readonly ResolvedLook['dash'][] = ['solid', 'dashed', 'dotted'];

/** The look of `kind` among an exercise's kinds (null for a kind the exercise does not have). */
export function connectorLook(kinds: readonly ConnectorKindDef[], kind: string): ResolvedLook | null {
  const index = kinds.findIndex((k) => k.kind === kind);
  if (index < 0) return null;
  const own = kinds[index].look ?? {};
  return {
    color: own.color ?? COLORS[index % COLORS.length],
    dash: own.dash ?? DASHES[index % DASHES.length],
    arrowheads: own.arrowheads ?? 'end',
  };
}

/** Longest text value shown in a label, in characters (the inspector has the whole value). */
const MAX_TEXT = 32;

/** Cuts a long value at a word boundary before MAX_TEXT characters, with an ellipsis. */
function shorten(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TEXT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The fields that follow the kind in its label. */
export function labelFieldKeys(def: ConnectorKindDef): string[] {
  if (def.labelFields) return def.labelFields;
  const choice = def.fields.find((f) => f.kind === 'choice');
  return choice ? [choice.key] : [];
}

/** "Knock overlap · fatigue risk", "Task force member · Chair", or just the kind's label. */
export function connectorLabel(def: ConnectorKindDef, fields: Record<string, FieldValue> | undefined): string {
  const parts = [def.label];
  for (const key of labelFieldKeys(def)) {
    const field = def.fields.find((f) => f.key === key);
    if (!field) continue;
    const value = fields?.[key];
    if (field.kind === 'boolean') {
      if (value === true) parts.push(field.shortLabel ?? field.label);
      continue;
    }
    const shown = displayValue(field, value).trim().replace(/\s+/g, ' ');
    if (shown) parts.push(shorten(shown));
  }
  return parts.join(' · ');
}
