import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { ACTION_ID_PATTERN, actionFieldProblem } from '../../shared/doc/actionPlanDoc';
import { isRecordEntry } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, CONTROL_VOTES, ControlKey } from '../../shared/doc/control';
import { DOC_ACTIONS, DOC_BOARD, DOC_NOTE_PREFIX, DOC_RECORDS, DOC_REVIEW, DOC_RUBRIC, DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY, noteName } from '../../shared/doc/docLayout';
import { reviewValueProblem } from '../../shared/doc/reviewDoc';
import { rubricValueProblem } from '../../shared/doc/rubricDoc';
import { boardSchema, TEMPLATES } from '../../exercises/registry';
import { recordChecker, serializedSchema, type RecordChecker } from '../../exercises/kit/recordCheck';
import { deletesItem, type Insertion, type PathStep, type UpdateStructure } from './updateStructure';

/**
 * The document layout (shared/doc/docLayout.ts, shared/doc/control.ts) as rules a client's write must
 * follow before the relay applies it. Each function returns why a write does not fit, or null.
 *
 * Board document, by top-level name:
 *  - `records` (array): entries `{ key, val }` whose `val` is a record of the board schema with
 *    `id` = key (migrated from the stored schema first when that is older; recordCheck.ts).
 *  - `schema` (map): only `tldraw`, and only the board schema itself (a client that migrated the
 *    records writes it); deleting it is refused.
 *  - `board` (map): the server's (seeded at creation); clients neither write nor delete it.
 *  - `rubric`, `review` (flat maps): values as shared/doc/rubricDoc.ts and shared/doc/reviewDoc.ts write.
 *  - `actions` (map): action id → map of action fields (shared/doc/actionPlanDoc.ts).
 *  - `note:<step>` (XmlText, one per step of any template, or the whole board's): what
 *    @lexical/yjs writes, that is nested XmlTexts, XmlElements and maps, text and attributes
 *    (plain values, or maps such as a node's `__state`), at most MAX_NOTE_DEPTH deep.
 * Anything else (another top-level name, a nested type where a value belongs, subdocuments,
 * binary content) is refused. Record types, shape types and their props come from the board
 * schema, itself built from the exercise registry, so new exercises need no change here.
 *
 * Control document: `control` (map of the ControlKey values) and `votes` (map; its content is
 * the server's, enforced by ControlGuard after the write).
 */

export const MAX_NOTE_DEPTH = 48;

const NOTE_NAMES = new Set([noteName(null), ...TEMPLATES.flatMap((t) => t.steps.map((s) => noteName(s.id)))]);
const NOTE_TYPES = new Set(['xmlText', 'xmlElement', 'map']);
const CONTROL_KEYS = new Set<string>(Object.values(ControlKey));

const single = (content: Insertion['content']): { ok: true; value: unknown } | { ok: false } => {
  if (content instanceof Y.ContentAny && content.arr.length === 1) return { ok: true, value: content.arr[0] };
  return { ok: false };
};
const isDeleted = (content: Insertion['content']) => content instanceof Y.ContentDeleted;
const describe = (path: PathStep[], sub: string | null) => [...path.map((p) => p.sub ?? '[]'), sub ?? '[]'].join('/').slice(0, 120);

/** A map value written under `sub` at the top of a map: a single JSON value, or a tombstone. */
function mapValue(ins: Insertion, check: (key: string, value: unknown) => string | null): string | null {
  const { place, content } = ins;
  if (place.path.length > 0 || place.sub === null) return `${place.root} holds values by key, not ${describe(place.path, place.sub)}`;
  if (isDeleted(content)) return null;
  const v = single(content);
  if (!v.ok) return `${place.root}.${place.sub.slice(0, 80)} must be one plain value`;
  return check(place.sub, v.value);
}

function noteContent(ins: Insertion): string | null {
  const { place, content } = ins;
  if (place.path.length > MAX_NOTE_DEPTH) return `a note nests at most ${MAX_NOTE_DEPTH} levels`;
  if (!place.path.every((p) => NOTE_TYPES.has(p.kind))) return 'a note holds text, elements and maps only';
  if (isDeleted(content)) return null;
  const parent = place.path.at(-1)?.kind ?? 'xmlText';
  const isMap = (c: Insertion['content']) => c instanceof Y.ContentType && c.type instanceof Y.Map && !(c.type instanceof Y.XmlHook);
  // A map's values and an element's attributes: one plain value each, or a map (Lexical keeps
  // a node's `__state` as a map attribute).
  if (parent === 'map' || place.sub !== null) return single(content).ok || isMap(content) ? null : 'a note attribute is one plain value or a map';
  if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) return null;
  if (isMap(content) || (content instanceof Y.ContentType && (content.type instanceof Y.XmlText || content.type instanceof Y.XmlElement))) return null;
  return 'a note holds text, elements and maps only';
}

/** The checker for records in this write: the board schema when the write brings it, else the stored one. */
function checkerFor(doc: Y.Doc, write: UpdateStructure): RecordChecker {
  const writesSchema = write.insertions.some((i) => i.place.root === DOC_SCHEMA && !isDeleted(i.content));
  const stored = writesSchema ? serializedSchema(boardSchema()) : doc.getMap<unknown>(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY);
  return recordChecker(boardSchema(), stored);
}

function recordsContent(ins: Insertion, checker: RecordChecker): string | null {
  const { place, content } = ins;
  if (place.path.length > 0 || place.sub !== null) return 'records is a list of { key, val } entries';
  if (isDeleted(content)) return null;
  if (!(content instanceof Y.ContentAny)) return 'records holds plain { key, val } entries only';
  for (const entry of content.arr) {
    if (!isRecordEntry(entry)) return 'records holds { key, val } entries whose val is the record with that id';
    const verdict = checker.check(entry.val);
    if (!verdict.ok) return `not a record of this board: ${verdict.problem}`;
  }
  return null;
}

/** Why a client's write does not fit a board document, or null when it does. */
export function boardWriteProblem(doc: Y.Doc, write: UpdateStructure): string | null {
  let checker: RecordChecker | null = null;
  const ours = serializedSchema(boardSchema());
  for (const ins of write.insertions) {
    const { root } = ins.place;
    let problem: string | null;
    if (root === DOC_RECORDS) problem = recordsContent(ins, (checker ??= checkerFor(doc, write)));
    else if (root === DOC_SCHEMA) {
      problem = mapValue(ins, (key, value) => {
        if (key !== DOC_SCHEMA_TLDRAW_KEY) return `schema has no "${key.slice(0, 40)}"`;
        return isDeepStrictEqual(value, ours) ? null : "schema.tldraw can only be set to this server's board schema";
      });
    } else if (root === DOC_BOARD) problem = "the board's details are set by the server";
    else if (root === DOC_RUBRIC) problem = mapValue(ins, rubricValueProblem);
    else if (root === DOC_REVIEW) problem = mapValue(ins, reviewValueProblem);
    else if (root === DOC_ACTIONS) problem = actionContent(ins);
    else if (root.startsWith(DOC_NOTE_PREFIX) && NOTE_NAMES.has(root)) problem = noteContent(ins);
    else problem = `"${root.slice(0, 60)}" is not part of a board`;
    if (problem) return problem;
  }
  // What only the server may remove: the board's details and the schema (unless replaced).
  for (const item of currentItems(doc.getMap(DOC_BOARD))) {
    if (deletesItem(write.deletes, item)) return "the board's details are set by the server";
  }
  const schemaItem = (doc.getMap(DOC_SCHEMA) as unknown as { _map: Map<string, Y.Item> })._map.get(DOC_SCHEMA_TLDRAW_KEY);
  if (schemaItem && !schemaItem.deleted && deletesItem(write.deletes, schemaItem)) {
    const replaced = write.insertions.some((i) => i.place.root === DOC_SCHEMA && i.place.sub === DOC_SCHEMA_TLDRAW_KEY && !isDeleted(i.content));
    if (!replaced) return 'schema.tldraw cannot be removed';
  }
  return null;
}

function actionContent(ins: Insertion): string | null {
  const { place, content } = ins;
  if (place.path.length === 0) {
    if (place.sub === null || !ACTION_ID_PATTERN.test(place.sub)) return 'actions holds actions by id';
    if (isDeleted(content)) return null;
    const type = content instanceof Y.ContentType ? content.type : null;
    return type instanceof Y.Map && !(type instanceof Y.XmlHook) ? null : 'an action is a map of its fields';
  }
  if (place.path.length === 1 && place.path[0].kind === 'map' && place.sub !== null) {
    if (isDeleted(content)) return null;
    const v = single(content);
    return v.ok ? actionFieldProblem(place.sub, v.value) : `an action's ${place.sub.slice(0, 40)} is one plain value`;
  }
  return `actions has no ${describe(place.path, place.sub)}`;
}

function currentItems(map: Y.Map<unknown>): Y.Item[] {
  const items: Y.Item[] = [];
  for (const item of (map as unknown as { _map: Map<string, Y.Item> })._map.values()) if (!item.deleted) items.push(item);
  return items;
}

/** Why a client's write does not fit a control document, or null when it does. */
export function controlWriteProblem(_doc: Y.Doc, write: UpdateStructure): string | null {
  for (const ins of write.insertions) {
    const { root } = ins.place;
    let problem: string | null;
    if (root === CONTROL_MAP) problem = mapValue(ins, (key) => (CONTROL_KEYS.has(key) ? null : `the session has no "${key.slice(0, 40)}"`));
    else if (root === CONTROL_VOTES) problem = mapValue(ins, () => null);
    else problem = `"${root.slice(0, 60)}" is not part of a session`;
    if (problem) return problem;
  }
  return null;
}
