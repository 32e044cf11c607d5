import type { FieldValue, ResultItem } from '../../shared/results';

/** Reading the free-text names of Many Tables, Many Knocks: organizations, programs, businesses. */

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v.trim() : '');

/** Case- and whitespace-insensitive key for free-text names (organizations, programs). */
export function nameKey(s: string): string {
  // Unicode normalisation only when needed: most names are plain ASCII.
  return (/[^ -~\s]/.test(s) ? s.normalize('NFKC') : s).toLowerCase().replace(/\s+/g, ' ').trim();
}

const LEGAL_SUFFIX = /\s+(inc|llc|ltd|corp|corporation|co|company)$/;
const FILLER = new Set(['inc', 'llc', 'ltd', 'corp', 'co', 'etc', 'others', 'other', 'various', 'n/a', 'na', 'tbd', 'unknown']);

export interface BusinessName {
  /** Matching key: see `splitBusinesses`. */
  key: string;
  /** The name as first written (trimmed, list markers removed). */
  display: string;
}

/**
 * Reads the "businesses contacted" text of a knock as a list of business names.
 *
 * Rule (kept deliberately simple and predictable):
 *  - split on commas, semicolons, line breaks, bullets (•) and vertical bars; never on "and" or
 *    "&" inside a name ("Smith & Sons" stays one business);
 *  - drop list markers ("-", "*", "1.", "2)") and a leading "and " (Oxford comma lists); the
 *    first spelling met (in item id order) is the one shown;
 *  - match on a key: Unicode-normalised, lower case, whitespace collapsed, trailing dots removed,
 *    "&" read as "and", and one trailing legal suffix removed (Inc, LLC, Ltd, Corp, Co, Company),
 *    so "Acme Tooling Inc." and "acme  tooling" are the same business;
 *  - drop empty parts and filler words ("etc.", "others", "Inc." left alone after a comma…);
 *  - a name written twice on the same knock counts once for that knock.
 */
export function splitBusinesses(value: string): BusinessName[] {
  const out: BusinessName[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(/[,;\n\r•|]+/)) {
    const display = raw
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:[-*–]+|\d+[.)])\s*/, '')
      .replace(/^and\s+/i, '')
      .trim();
    let key = nameKey(display).replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
    key = key.replace(/\.+$/, '').replace(LEGAL_SUFFIX, '').replace(/\.+$/, '').trim();
    if (!key || FILLER.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, display });
  }
  return out;
}

/** "Organization – Program" for a knock, the best short name it has. */
export function knockName(knock: ResultItem): string {
  const parts = [text(knock.fields.organization), text(knock.fields.program)].map((p) => p.replace(/\s+/g, ' ')).filter(Boolean);
  return parts.length ? parts.join(' – ') : 'Unnamed knock';
}
