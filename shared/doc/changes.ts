import type * as Y from 'yjs';
import type { ActionRow } from '../actionPlan';
import { readActions } from './actionPlanDoc';
import { readRecords } from './boardDoc';
import { plainTextOfRichText } from './richText';

/**
 * "What changed since my last visit": a compact summary of what a person has seen of a board
 * (kept in their browser), and the difference between it and the board now. Pure, no DOM.
 *
 * Tracked: typed cards, sticky notes / text / geo shapes with text, arrows typed with a connector
 * kind, and action plan rows. For each a short hash of the fields that matter and its title:
 *  - typed card: its type, every field value, and the zone holding its centre;
 *  - sticky / text / geo shape: its text and the zone holding its centre;
 *  - typed arrow: its kind, its fields and the ids of the items it connects;
 *  - action: text, owner, due, status and priority area.
 * A pure move or resize inside the same zone is not a change (people tidy the board all the
 * time); moving a card into another zone is, since the zone is what places it in a step.
 * Free drawings, images, untyped arrows, empty stickies and the zones themselves are not tracked.
 */

export type ChangeKind = 'item' | 'action';

export interface ChangeEntry {
  id: string;
  kind: ChangeKind;
  title: string;
}

export interface Changes {
  added: ChangeEntry[];
  changed: ChangeEntry[];
  removed: ChangeEntry[];
}

/**
 * What a person has seen, per tracked id: `<k><hash> <title>` where k is `i` (item) or `a`
 * (action), hash a base-36 FNV-1a hash of the tracked fields and title the title, at most
 * SEEN_TITLE_LENGTH characters. About 80 bytes per entry as JSON, so 1,000 items take ~80 kB.
 */
export interface SeenSummary {
  v: 1;
  /** When it was taken (ISO). */
  at: string;
  e: Record<string, string>;
}

/** Titles are kept this long in a summary (a removed entry shows it). */
export const SEEN_TITLE_LENGTH = 40;
/** Titles of present entries in the result. */
const TITLE_LENGTH = 80;

/** What the exercise vocabulary says about shapes; built from the exercise definitions. */
export interface ChangeVocabulary {
  /** The typed item behind a tldraw shape type (`pb-item-<type>`), if it is one. */
  itemType(shapeType: string): { label: string; titleField: string; fields: readonly { key: string }[] } | undefined;
  /** A connector kind's label, when the exercise knows the kind. */
  connectorLabel(kind: string): string | undefined;
  /** The tldraw shape type of zones (`pb-zone`). */
  zoneShapeType: string;
  /** The meta key of a typed arrow (`pb`: `{ kind, fields }`). */
  connectorMetaKey: string;
}

/** The board content the comparison reads: tldraw records and action rows. */
export interface BoardContent {
  records: Iterable<unknown>;
  actions: readonly ActionRow[];
}

/** Reads the content from a board document without observing or writing it. */
export function boardContentOf(doc: Y.Doc): BoardContent {
  return { records: readRecords(doc).values(), actions: readActions(doc) };
}

interface Tracked {
  id: string;
  kind: ChangeKind;
  title: string;
  hash: string;
}

const TEXT_SHAPES: Record<string, string> = { note: 'Sticky note', text: 'Text', geo: 'Shape' };

interface RawShape {
  id: string;
  typeName: 'shape';
  type: string;
  parentId?: string;
  x?: unknown;
  y?: unknown;
  props?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function oneLine(v: unknown): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** FNV-1a (32 bits) of a string, in base 36: short, and plenty to tell an edit from none. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Every tracked entry of the board, in a stable order (items by id, then actions by id). */
export function trackedEntries(content: BoardContent, vocab: ChangeVocabulary): Tracked[] {
  const shapes = new Map<string, RawShape>();
  const ends = new Map<string, { start?: string; end?: string }>();
  for (const r of content.records) {
    if (!isObj(r) || typeof r.id !== 'string') continue;
    if (r.typeName === 'shape' && typeof r.type === 'string') shapes.set(r.id, r as unknown as RawShape);
    else if (r.typeName === 'binding' && r.type === 'arrow' && typeof r.fromId === 'string' && typeof r.toId === 'string') {
      const terminal = isObj(r.props) ? r.props.terminal : undefined;
      if (terminal !== 'start' && terminal !== 'end') continue;
      const e = ends.get(r.fromId) ?? {};
      e[terminal] = r.toId;
      ends.set(r.fromId, e);
    }
  }

  // Page positions (a shape's offset plus its ancestors'), and the zones, smallest first.
  const pagePos = new Map<string, { x: number; y: number }>();
  const positionOf = (s: RawShape, depth = 0): { x: number; y: number } => {
    const known = pagePos.get(s.id);
    if (known) return known;
    const parent = s.parentId ? shapes.get(s.parentId) : undefined;
    const base = parent && depth < 50 ? positionOf(parent, depth + 1) : { x: 0, y: 0 };
    const pos = { x: base.x + (Number(s.x) || 0), y: base.y + (Number(s.y) || 0) };
    pagePos.set(s.id, pos);
    return pos;
  };
  const zones: { id: string; x: number; y: number; w: number; h: number }[] = [];
  for (const s of shapes.values()) {
    if (s.type !== vocab.zoneShapeType) continue;
    const p = positionOf(s);
    const zoneId = typeof s.props?.zoneId === 'string' ? s.props.zoneId : s.id;
    zones.push({ id: zoneId, x: p.x, y: p.y, w: Number(s.props?.w) || 0, h: Number(s.props?.h) || 0 });
  }
  zones.sort((a, b) => a.w * a.h - b.w * b.h);
  const zoneOf = (s: RawShape): string | null => {
    const p = positionOf(s);
    const cx = p.x + (Number(s.props?.w) || 0) / 2;
    const cy = p.y + (Number(s.props?.h) || 0) / 2;
    return zones.find((z) => cx >= z.x && cx <= z.x + z.w && cy >= z.y && cy <= z.y + z.h)?.id ?? null;
  };

  const items: Tracked[] = [];
  const titles = new Map<string, string>();
  const arrows: RawShape[] = [];
  for (const s of shapes.values()) {
    const props = s.props ?? {};
    const def = vocab.itemType(s.type);
    if (def) {
      const fields = def.fields.map((f) => props[f.key] ?? null);
      const title = shorten(oneLine(props[def.titleField]), TITLE_LENGTH) || def.label;
      titles.set(s.id, title);
      items.push({ id: s.id, kind: 'item', title, hash: shortHash(stableJson([s.type, fields, zoneOf(s)])) });
    } else if (s.type in TEXT_SHAPES) {
      const text = oneLine(plainTextOfRichText(props.richText));
      if (!text) continue;
      const title = shorten(text, TITLE_LENGTH);
      titles.set(s.id, title);
      items.push({ id: s.id, kind: 'item', title, hash: shortHash(stableJson([s.type, text, zoneOf(s)])) });
    } else if (s.type === 'arrow') {
      arrows.push(s);
    }
  }
  // Arrows last: their titles name the items they connect.
  for (const s of arrows) {
    const pb = s.meta?.[vocab.connectorMetaKey];
    if (!isObj(pb) || typeof pb.kind !== 'string' || !pb.kind) continue;
    const e = ends.get(s.id) ?? {};
    const label = vocab.connectorLabel(pb.kind) ?? pb.kind;
    const from = e.start ? (titles.get(e.start) ?? 'another shape') : 'nothing';
    const to = e.end ? (titles.get(e.end) ?? 'another shape') : 'nothing';
    const title = shorten(`${label}: ${from} → ${to}`, TITLE_LENGTH);
    items.push({ id: s.id, kind: 'item', title, hash: shortHash(stableJson([pb.kind, pb.fields ?? null, e.start ?? null, e.end ?? null])) });
  }
  items.sort(byId);

  const actions: Tracked[] = content.actions.map((a) => ({
    id: a.id,
    kind: 'action' as const,
    title: shorten(oneLine(a.text), TITLE_LENGTH) || 'Action',
    hash: shortHash(stableJson([a.text, a.owner, a.due, a.status, a.priorityArea])),
  }));
  actions.sort(byId);
  return [...items, ...actions];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The summary to keep of what is on the board now. */
export function summarize(content: BoardContent, vocab: ChangeVocabulary, now = new Date()): SeenSummary {
  const e: Record<string, string> = {};
  for (const t of trackedEntries(content, vocab)) e[t.id] = `${t.kind === 'action' ? 'a' : 'i'}${t.hash} ${shorten(t.title, SEEN_TITLE_LENGTH)}`;
  return { v: 1, at: now.toISOString(), e };
}

/** Reads one summary entry; null for junk. */
function parseEntry(v: unknown): { kind: ChangeKind; hash: string; title: string } | null {
  if (typeof v !== 'string' || v.length < 2) return null;
  const k = v[0];
  if (k !== 'i' && k !== 'a') return null;
  const space = v.indexOf(' ');
  const hash = space < 0 ? v.slice(1) : v.slice(1, space);
  if (!hash) return null;
  return { kind: k === 'a' ? 'action' : 'item', hash, title: space < 0 ? '' : v.slice(space + 1) };
}

/** A stored value as a summary, or null when it is not one (missing, junk, other version). */
export function parseSeenSummary(v: unknown): SeenSummary | null {
  if (!isObj(v) || v.v !== 1 || !isObj(v.e)) return null;
  return { v: 1, at: typeof v.at === 'string' ? v.at : '', e: v.e as Record<string, string> };
}

/** True when a change list has nothing in it. */
export function noChanges(c: Changes): boolean {
  return c.added.length === 0 && c.changed.length === 0 && c.removed.length === 0;
}

/**
 * What was added, changed and removed since `seen` was taken. Removed entries keep the title they
 * had then (as stored, shortened); the others have today's title. Without a summary (first visit)
 * nothing counts as changed.
 */
export function changesSince(seen: SeenSummary | null, content: BoardContent, vocab: ChangeVocabulary): Changes {
  const out: Changes = { added: [], changed: [], removed: [] };
  if (!seen) return out;
  const present = new Set<string>();
  for (const t of trackedEntries(content, vocab)) {
    present.add(t.id);
    const before = Object.hasOwn(seen.e, t.id) ? parseEntry(seen.e[t.id]) : null;
    const entry = { id: t.id, kind: t.kind, title: t.title };
    if (!before) out.added.push(entry);
    else if (before.hash !== t.hash || before.kind !== t.kind) out.changed.push(entry);
  }
  for (const [id, v] of Object.entries(seen.e)) {
    if (present.has(id)) continue;
    const before = parseEntry(v);
    if (before) out.removed.push({ id, kind: before.kind, title: before.title || (before.kind === 'action' ? 'Action' : 'Item') });
  }
  out.removed.sort((a, b) => (a.kind === b.kind ? byId(a, b) : a.kind === 'item' ? -1 : 1));
  return out;
}
