import * as Y from 'yjs';
import { isRecordEntry } from '../../shared/doc/boardDoc';
import { DOC_ACTIONS, DOC_BOARD, DOC_NOTE_PREFIX, DOC_RECORDS, DOC_REVIEW, DOC_RUBRIC, DOC_SCHEMA } from '../../shared/doc/docLayout';

/**
 * Making one board document's content equal to another's **as new changes**: the restore of a
 * snapshot. Nothing of the target's history is rewritten; the function writes, in one
 * transaction, the sets and deletes that turn the target's current content into the source's,
 * exactly as a person editing the board would. So every client connected to the target gets an
 * ordinary update and converges, concurrent edits merge like any others, and the state before
 * is still what it was (the caller keeps it as a snapshot first).
 *
 * Every top-level type of the layout (shared/doc/docLayout.ts) is handled:
 *  - `records` (a Y.Array used as y-utility's YKeyValue, right-most entry of a key wins):
 *    records the source lacks are deleted, records whose value differs are replaced (every entry
 *    of the key deleted, the source's value pushed), records only the source has are pushed.
 *    Equal records are not touched. Written on the Y.Array directly, so no YKeyValue is
 *    created (one would observe the document for as long as it lives); every YKeyValue observing
 *    the target (the relay's LockGuard, clients' bindings) sees ordinary add/update/delete.
 *  - Y.Maps `board`, `schema`, `rubric`, `review`, `actions`: keys the source lacks are deleted,
 *    changed values set. A nested shared type (an action's Y.Map) of the same kind on both sides
 *    is made equal in place, field by field, so an action changed since keeps its identity;
 *    otherwise it is replaced by a deep copy.
 *  - `note:<stepId>` Y.XmlTexts (Lexical documents): when the content differs, the note is
 *    emptied and the source's content inserted, its embedded types (paragraphs, text-node
 *    property maps) deep-copied with their attributes. Notes only the target has are emptied.
 *
 * Top-level names outside the layout are left alone (listed in `skipped`).
 */

/** The top-level Y.Maps of a board document. */
export const RESTORED_MAPS = [DOC_BOARD, DOC_SCHEMA, DOC_RUBRIC, DOC_ACTIONS, DOC_REVIEW] as const;

export interface RestoreOptions {
  /**
   * Records the source lacks that are kept anyway (default none). The server keeps tldraw's
   * `user` records, which say who people are (for "last edited by"), not what the board holds.
   */
  keepRecord?(id: string, value: unknown): boolean;
}

export interface RestoreSummary {
  /** Records written (added or changed) and deleted. */
  recordsSet: number;
  recordsDeleted: number;
  /** Map keys set or deleted, nested ones included. */
  mapChanges: number;
  /** Notes whose content was replaced. */
  notesReplaced: number;
  /** Top-level names outside the layout, left as they were. */
  skipped: string[];
}

type Entry = { key: string; val: unknown };
/** Any shared type (Yjs's own types are invariant in their event type). */
type Shared = Y.AbstractType<any>;

/**
 * Makes `target`'s content equal to `source`'s with new changes in one transaction with
 * `origin`. `source` is only read.
 */
export function restoreDocContent(target: Y.Doc, source: Y.Doc, origin: unknown, options: RestoreOptions = {}): RestoreSummary {
  const summary: RestoreSummary = { recordsSet: 0, recordsDeleted: 0, mapChanges: 0, notesReplaced: 0, skipped: [] };
  const names = new Set([...target.share.keys(), ...source.share.keys()]);
  const known = new Set<string>([DOC_RECORDS, ...RESTORED_MAPS]);
  target.transact(() => {
    restoreRecords(target.getArray<Entry>(DOC_RECORDS), source.getArray<Entry>(DOC_RECORDS), summary, options);
    for (const name of RESTORED_MAPS) {
      summary.mapChanges += syncMap(target.getMap<unknown>(name), source.getMap<unknown>(name));
    }
    for (const name of [...names].sort()) {
      if (known.has(name)) continue;
      if (!name.startsWith(DOC_NOTE_PREFIX)) {
        summary.skipped.push(name);
        continue;
      }
      if (syncText(target.get(name, Y.XmlText) as Y.XmlText, source.get(name, Y.XmlText) as Y.XmlText)) summary.notesReplaced++;
    }
  }, origin);
  return summary;
}

/**
 * The records of a `records` array by key (right-most entry wins), with every index each key
 * has, and the indexes of entries that are not records at all (junk, removed by a restore).
 */
function indexRecords(array: Y.Array<Entry>): { values: Map<string, unknown>; positions: Map<string, number[]>; junk: number[] } {
  const values = new Map<string, unknown>();
  const positions = new Map<string, number[]>();
  const junk: number[] = [];
  array.toArray().forEach((entry, i) => {
    if (!isRecordEntry(entry)) {
      junk.push(i);
      return;
    }
    values.set(entry.key, entry.val);
    const at = positions.get(entry.key);
    if (at) at.push(i);
    else positions.set(entry.key, [i]);
  });
  return { values, positions, junk };
}

function restoreRecords(target: Y.Array<Entry>, source: Y.Array<Entry>, summary: RestoreSummary, options: RestoreOptions): void {
  const want = indexRecords(source).values;
  const have = indexRecords(target);
  const remove: number[] = [...have.junk];
  summary.recordsDeleted += have.junk.length;
  const push: Entry[] = [];
  for (const [key, value] of have.values) {
    if (!want.has(key)) {
      if (options.keepRecord?.(key, value)) continue;
      remove.push(...(have.positions.get(key) ?? []));
      summary.recordsDeleted++;
    } else if (!jsonEqual(value, want.get(key))) {
      remove.push(...(have.positions.get(key) ?? []));
      push.push({ key, val: copyJson(want.get(key)) });
      summary.recordsSet++;
    }
  }
  for (const [key, value] of want) {
    if (!have.values.has(key)) {
      push.push({ key, val: copyJson(value) });
      summary.recordsSet++;
    }
  }
  // Right to left, whole runs at once, so earlier indexes stay valid.
  remove.sort((a, b) => b - a);
  for (let i = 0; i < remove.length; ) {
    let start = remove[i];
    let length = 1;
    while (i + length < remove.length && remove[i + length] === start - 1) {
      start--;
      length++;
    }
    target.delete(start, length);
    i += length;
  }
  if (push.length > 0) target.push(push);
}

/** Makes a map equal to another; returns how many keys were set or deleted (nested ones included). */
function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): number {
  let changes = 0;
  for (const key of [...target.keys()]) {
    if (!source.has(key)) {
      target.delete(key);
      changes++;
    }
  }
  for (const [key, want] of source.entries()) {
    const have = target.get(key);
    if (want instanceof Y.AbstractType) {
      if (have instanceof Y.AbstractType && have.constructor === want.constructor) {
        changes += syncType(have, want);
      } else {
        target.set(key, cloneType(want));
        changes++;
      }
    } else if (!target.has(key) || have instanceof Y.AbstractType || !jsonEqual(have, want)) {
      target.set(key, copyJson(want));
      changes++;
    }
  }
  return changes;
}

/** Makes a nested shared type equal to one of the same kind; returns the number of changes. */
function syncType(target: Shared, source: Shared): number {
  if (target instanceof Y.Map) return syncMap(target, source as Y.Map<unknown>);
  if (target instanceof Y.Text) return syncText(target, source as Y.Text) ? 1 : 0;
  return replaceIfDifferent(target, source);
}

/** Arrays and XML elements/fragments: their children are replaced by copies when anything differs (attributes are synced). */
function replaceIfDifferent(target: Shared, source: Shared): number {
  if (stableJson(typeJson(target)) === stableJson(typeJson(source))) return 0;
  if (target instanceof Y.XmlElement) syncAttributes(target, source as Y.XmlElement);
  if (target instanceof Y.Array || target instanceof Y.XmlFragment) {
    const items = (source as Y.Array<unknown> | Y.XmlFragment).toArray().map((v) => cloneValue(v));
    target.delete(0, target.length);
    (target as Y.Array<unknown>).insert(0, items);
  }
  return 1;
}

/** Text and XmlText (a note): when content or attributes differ, empty it and insert copies. Returns whether it changed. */
function syncText(target: Y.Text, source: Y.Text): boolean {
  if (stableJson(typeJson(target)) === stableJson(typeJson(source))) return false;
  syncAttributes(target, source);
  if (target.length > 0) target.delete(0, target.length);
  const delta = cloneDelta(source.toDelta());
  if (delta.length > 0) target.applyDelta(delta);
  return true;
}

type Attributed = { getAttributes(): Record<string, unknown>; setAttribute(k: string, v: unknown): void; removeAttribute(k: string): void };

function syncAttributes(target: Y.Text | Y.XmlElement, source: Y.Text | Y.XmlElement): void {
  const t = target as unknown as Attributed;
  const want = (source as unknown as Attributed).getAttributes();
  const have = t.getAttributes();
  for (const k of Object.keys(have)) if (!(k in want)) t.removeAttribute(k);
  for (const [k, v] of Object.entries(want)) {
    if (!(k in have) || have[k] instanceof Y.AbstractType || v instanceof Y.AbstractType || !jsonEqual(have[k], v)) t.setAttribute(k, cloneValue(v));
  }
}

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

function cloneDelta(delta: DeltaOp[]): DeltaOp[] {
  return delta
    .filter((op) => op.insert !== undefined)
    .map((op) => ({
      insert: typeof op.insert === 'string' ? op.insert : cloneValue(op.insert),
      ...(op.attributes ? { attributes: copyJson(op.attributes) as Record<string, unknown> } : {}),
    }));
}

/** A deep copy of a value that may be a shared type (a new, not yet integrated type) or JSON. */
function cloneValue(value: unknown): unknown {
  return value instanceof Y.AbstractType ? cloneType(value) : copyJson(value);
}

/** A deep copy of a shared type with its attributes and nested types (Yjs's own `clone` drops XmlText attributes and shares embeds). */
export function cloneType(type: Shared): Shared {
  if (type instanceof Y.XmlText || type instanceof Y.Text) {
    const copy = type instanceof Y.XmlText ? new Y.XmlText() : new Y.Text();
    for (const [k, v] of Object.entries(type.getAttributes() as Record<string, unknown>)) copy.setAttribute(k, cloneValue(v) as never);
    const delta = cloneDelta(type.toDelta());
    if (delta.length > 0) copy.applyDelta(delta);
    return copy;
  }
  if (type instanceof Y.XmlHook) {
    const copy = new Y.XmlHook(type.hookName);
    for (const [k, v] of type.entries()) copy.set(k, cloneValue(v) as never);
    return copy;
  }
  if (type instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    for (const [k, v] of type.entries()) copy.set(k, cloneValue(v));
    return copy;
  }
  if (type instanceof Y.XmlElement) {
    const copy = new Y.XmlElement(type.nodeName);
    for (const [k, v] of Object.entries(type.getAttributes() as Record<string, unknown>)) copy.setAttribute(k, cloneValue(v) as never);
    copy.insert(0, type.toArray().map((c) => cloneType(c) as Y.XmlElement | Y.XmlText));
    return copy;
  }
  if (type instanceof Y.XmlFragment) {
    const copy = new Y.XmlFragment();
    copy.insert(0, type.toArray().map((c) => cloneType(c) as Y.XmlElement | Y.XmlText));
    return copy;
  }
  if (type instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    copy.insert(0, type.toArray().map((v) => cloneValue(v)));
    return copy;
  }
  throw new TypeError(`cannot copy a shared type of kind ${type.constructor.name}`);
}

/**
 * A JSON description of a shared type's content, nested types included (attributes, formatting
 * and embeds too), for comparing two of them.
 */
export function typeJson(value: unknown): unknown {
  if (!(value instanceof Y.AbstractType)) return value === undefined ? null : value;
  if (value instanceof Y.XmlText || value instanceof Y.Text) {
    return {
      $: value instanceof Y.XmlText ? 'xmltext' : 'text',
      attrs: mapValues(value.getAttributes() as Record<string, unknown>),
      delta: (value.toDelta() as DeltaOp[]).map((op) => ({ insert: typeJson(op.insert), attributes: op.attributes ?? null })),
    };
  }
  if (value instanceof Y.XmlHook) return { $: 'hook', name: value.hookName, entries: mapValues(Object.fromEntries(value.entries())) };
  if (value instanceof Y.Map) return { $: 'map', entries: mapValues(Object.fromEntries(value.entries())) };
  if (value instanceof Y.XmlElement) {
    return { $: 'element', name: value.nodeName, attrs: mapValues(value.getAttributes() as Record<string, unknown>), children: value.toArray().map(typeJson) };
  }
  if (value instanceof Y.XmlFragment) return { $: 'fragment', children: value.toArray().map(typeJson) };
  if (value instanceof Y.Array) return { $: 'array', items: value.toArray().map(typeJson) };
  return { $: value.constructor.name };
}

function mapValues(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeJson(v)]));
}

/** JSON with object keys sorted, so equal content gives equal strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return value.slice() as T;
  return structuredClone(value);
}

/** Structural equality of JSON values (undefined properties count as absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}

/** A JSON description of a whole board document's content (every layout type), for tests and checks. */
export function docContent(doc: Y.Doc): unknown {
  const records = Object.fromEntries(
    [...indexRecords(doc.getArray<Entry>(DOC_RECORDS)).values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const maps = Object.fromEntries(RESTORED_MAPS.map((name) => [name, typeJson(doc.getMap(name))]));
  const notes = Object.fromEntries(
    [...doc.share.keys()]
      .filter((n) => n.startsWith(DOC_NOTE_PREFIX))
      .sort()
      .map((n) => [n, typeJson(doc.get(n, Y.XmlText))] as const)
      // A note that was never written and one that was emptied are both an empty note.
      .filter(([, v]) => (v as { delta: unknown[]; attrs: object }).delta.length > 0 || Object.keys((v as { attrs: object }).attrs).length > 0),
  );
  return JSON.parse(stableJson({ records, ...maps, notes }));
}
