import type { FigureStatus, NumberFigure, ResultConnection, ResultItem } from '../../shared/results';
import type { ExtractedBoard } from './extract';
import { compareText } from './text';

/**
 * Small helpers the exercises' figures share: name order, typed connector ends, the
 * "unfinished connectors" count, yes / no cells and list statuses. Pure.
 */

/** Items in name order: title case-insensitively, then id (a stable order for every figure). */
export function byTitle<T extends ResultItem>(items: readonly T[]): T[] {
  return items
    .map((i) => ({ i, key: i.title.toLowerCase() }))
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.i.id, b.i.id))
    .map((o) => o.i);
}

export const yesNo = (b: boolean): 'Yes' | 'No' => (b ? 'Yes' : 'No');

/** 'warn' (or `whenAny`) when the list has entries, else 'ok'. */
export function statusOf(entries: readonly unknown[], whenAny: FigureStatus = 'warn'): FigureStatus {
  return entries.length ? whenAny : 'ok';
}


/**
 * A connection's two items when it is complete, joins two different items, and they are of the
 * given types in either direction; returned in the rule's order ([of `from` type, of `to` type]).
 */
export function endsOf(board: ExtractedBoard, c: ResultConnection, from: readonly string[], to: readonly string[]): [ResultItem, ResultItem] | null {
  if (!c.complete || !c.fromId || !c.toId || c.fromId === c.toId) return null;
  const a = board.byId.get(c.fromId);
  const b = board.byId.get(c.toId);
  if (!a || !b) return null;
  if (from.includes(a.type) && to.includes(b.type)) return [a, b];
  if (from.includes(b.type) && to.includes(a.type)) return [b, a];
  return null;
}

/** A connector rule: the kind and the item types allowed at its two ends (either direction). */
export interface ConnectorRule {
  kind: string;
  from: readonly string[];
  to: readonly string[];
}

/**
 * The figure counting connectors of the given rules that do not join two items of the right
 * types (a loose end, a card since deleted, the wrong kind of card): they are left out of the
 * other figures. Its items are the ends that do exist, to find the arrows by.
 */
export function unfinishedConnectors(board: ExtractedBoard, rules: readonly ConnectorRule[], help: string): NumberFigure {
  const ends = new Set<string>();
  const ids: string[] = [];
  for (const rule of rules) {
    for (const c of board.connectionsOfKind(rule.kind)) {
      if (endsOf(board, c, rule.from, rule.to)) continue;
      ids.push(c.id);
      for (const end of [c.fromId, c.toId]) if (end && board.byId.has(end)) ends.add(end);
    }
  }
  return {
    id: 'unfinished-connectors',
    kind: 'number',
    label: 'Unfinished connectors',
    help,
    value: ids.length,
    status: ids.length ? 'warn' : 'ok',
    itemIds: [...ends],
    connectionIds: ids,
  };
}
