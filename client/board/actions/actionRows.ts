import { ACTION_STATUSES, type ActionRow, type ActionStatus } from '../../../shared/actionPlan';

/**
 * What the action plan table shows: which rows (filters) in which order (sort). Pure functions of
 * the rows, so the table, its tests and any later export agree.
 *
 * Sorting rules: empty values go last in both directions (a blank owner is "not decided", not
 * "before A"); ties keep the plan's own order (oldest first). Status sorts in workflow order (Not
 * started, In progress, Done, Blocked, as the select lists them). Due dates written as YYYY-MM-DD
 * sort by date and come before free timelines ("within 60 days"), which sort as text.
 */

export type ActionSortKey = 'created' | 'text' | 'owner' | 'due' | 'status' | 'priorityArea' | 'source';
export type SortDirection = 'ascending' | 'descending';

export interface ActionSort {
  key: ActionSortKey;
  direction: SortDirection;
}

/** The plan's own order: oldest first. */
export const DEFAULT_SORT: ActionSort = { key: 'created', direction: 'ascending' };

/** Every action, actions without an owner, or one owner's (compared without case and outer spaces). */
export type OwnerFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'owner'; name: string };

export interface ActionFilter {
  status: ActionStatus | 'all';
  owner: OwnerFilter;
}

export const NO_FILTER: ActionFilter = { status: 'all', owner: { kind: 'all' } };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function ownerKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

export function isFiltered(filter: ActionFilter): boolean {
  return filter.status !== 'all' || filter.owner.kind !== 'all';
}

export function matchesFilter(row: ActionRow, filter: ActionFilter): boolean {
  if (filter.status !== 'all' && row.status !== filter.status) return false;
  switch (filter.owner.kind) {
    case 'all':
      return true;
    case 'none':
      return row.owner.trim() === '';
    case 'owner':
      return ownerKey(row.owner) === ownerKey(filter.owner.name);
  }
}

/** The value a column sorts by; '' counts as empty. */
function sortValue(row: ActionRow, key: ActionSortKey): string {
  switch (key) {
    case 'created':
      return row.createdAt;
    case 'source':
      return row.sourceItemId ? row.sourceTitle.trim() || row.sourceItemId : '';
    case 'status':
      return row.status;
    default:
      return row[key].trim();
  }
}

function compareDue(a: string, b: string): number {
  const aDate = ISO_DATE.test(a);
  const bDate = ISO_DATE.test(b);
  if (aDate && bDate) return a < b ? -1 : a > b ? 1 : 0;
  if (aDate !== bDate) return aDate ? -1 : 1;
  return collator.compare(a, b);
}

const STATUS_ORDER = new Map<string, number>(ACTION_STATUSES.map((s, i) => [s.value, i]));

function compareValues(key: ActionSortKey, a: string, b: string): number {
  switch (key) {
    case 'created':
      return a < b ? -1 : a > b ? 1 : 0;
    case 'status':
      return (STATUS_ORDER.get(a) ?? 0) - (STATUS_ORDER.get(b) ?? 0);
    case 'due':
      return compareDue(a, b);
    default:
      return collator.compare(a, b);
  }
}

/**
 * The rows in the order of `sort`. `rows` must be in the plan's own order (as readActions gives
 * them): ties keep it.
 */
export function sortActions(rows: readonly ActionRow[], sort: ActionSort): ActionRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const indexed = rows.map((row, index) => ({ row, index, value: sortValue(row, sort.key) }));
  indexed.sort((x, y) => {
    const xEmpty = x.value === '';
    const yEmpty = y.value === '';
    if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
    const c = xEmpty ? 0 : compareValues(sort.key, x.value, y.value);
    return c !== 0 ? sign * c : x.index - y.index;
  });
  return indexed.map((x) => x.row);
}

/** The rows the table shows, in the order it shows them. */
export function visibleActions(rows: readonly ActionRow[], filter: ActionFilter, sort: ActionSort): ActionRow[] {
  return sortActions(
    rows.filter((r) => matchesFilter(r, filter)),
    sort,
  );
}

/** A header click: the same column flips its direction, another column starts ascending. */
export function nextSort(current: ActionSort, key: ActionSortKey): ActionSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}

/** The owners named in the plan, once each (first spelling wins), in alphabetical order. */
export function ownersOf(rows: readonly ActionRow[]): string[] {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const name = r.owner.trim().replace(/\s+/g, ' ');
    if (name && !seen.has(ownerKey(name))) seen.set(ownerKey(name), name);
  }
  return [...seen.values()].sort(collator.compare);
}

/** "5 actions: 2 not started, 1 in progress, 2 done" (statuses with no action are left out). */
export function summaryOf(rows: readonly ActionRow[]): string {
  if (rows.length === 0) return 'No actions yet';
  const counts = ACTION_STATUSES.map((s) => ({ label: s.label.toLowerCase(), n: rows.filter((r) => r.status === s.value).length })).filter((c) => c.n > 0);
  const total = `${rows.length} ${rows.length === 1 ? 'action' : 'actions'}`;
  return `${total}: ${counts.map((c) => `${c.n} ${c.label}`).join(', ')}`;
}

export function statusLabel(status: ActionStatus): string {
  return ACTION_STATUSES.find((s) => s.value === status)?.label ?? status;
}
