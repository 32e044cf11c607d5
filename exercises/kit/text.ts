/** Text helpers shared by the exercises' figures. */

/** Runs of whitespace other than single spaces (tested first: most texts are already clean). */
const MESSY_SPACE = /\s\s|[^\S ]/;

/** A field value as display text: trimmed, inner runs of whitespace collapsed; '' for non-text. */
export function cleanText(v: unknown): string {
  if (typeof v !== 'string') return '';
  const t = v.trim();
  return MESSY_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Code-unit order, for deterministic sorting independent of the runtime's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shortens a text to `max` characters with an ellipsis. */
export function shorten(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}
