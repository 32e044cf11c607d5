const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `then` was, as people say it: "just now", "5 min ago", "3 h ago", "2 days ago",
 * then the date. Both times in ms since the epoch, from the same clock (a time slightly in the
 * future, from clock skew, reads as "just now").
 */
export function formatRelative(then: number, now: number): string {
  const ago = now - then;
  if (!Number.isFinite(ago)) return '';
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 7 * DAY) {
    const days = Math.floor(ago / DAY);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** `formatRelative` of an ISO time; '' for null or an unreadable value. */
export function relativeFromIso(iso: string | null | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? '' : formatRelative(t, now);
}

/** The full date and time, for a tooltip next to a relative time. */
export function formatDateTime(iso: string | null | undefined): string {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? '' : new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
