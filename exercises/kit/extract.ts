import {
  RESULTS_VERSION,
  type BoardResults,
  type FieldValue,
  type ResultConnection,
  type ResultItem,
  type ResultStep,
} from '../../shared/results';
import type { ExerciseTemplate } from '../../shared/template';
import { defaultFieldValue, type ConnectorKindDef, type ExerciseDef, type FieldDef, type ItemTypeDef } from './definitions';
import { CONNECTOR_META_KEY, itemTypeOfShape, ZONE_SHAPE_TYPE } from './shapes';

/**
 * Extraction: plain tldraw records (JSON, as stored in the board document) → typed results.
 * No DOM, no editor: runs on the server, in exports and in the browser for the live figures.
 *
 * Rules:
 *  - An item is a shape of a known item type; its fields are its props (a value that does not
 *    fit the field's definition reads as the field's empty value).
 *  - An item belongs to the zone containing its centre (the smallest, when zones nest); steps
 *    working in that zone list it.
 *  - A connection is an arrow whose meta carries a known connector kind; its ends are the typed
 *    items its bindings point at (null when unbound or bound to something else).
 *  - Everything else (drawings, stickies, text) is ignored.
 */

interface RawRecord {
  id: string;
  typeName: string;
  [key: string]: unknown;
}

interface RawShape extends RawRecord {
  type: string;
  x: number;
  y: number;
  parentId: string;
  props: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

interface RawBinding extends RawRecord {
  type: string;
  fromId: string;
  toId: string;
  props: { terminal?: string };
}

export interface ZoneRect {
  zoneId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The extracted board handed to an exercise's `figures`. */
export interface ExtractedBoard {
  template: ExerciseTemplate;
  variant: string | null;
  items: ResultItem[];
  connections: ResultConnection[];
  zones: ZoneRect[];
  byId: Map<string, ResultItem>;
  ofType(type: string): ResultItem[];
  connectionsOfKind(kind: string): ResultConnection[];
}

export interface ExtractOptions {
  exercise: ExerciseDef;
  /** Item type lookup across all exercises (items pasted from another exercise still count). */
  itemType: (type: string) => ItemTypeDef | undefined;
  variant?: string | null;
  /** The template version the board was created from (defaults to the current one). */
  templateVersion?: number;
}

function readField(field: FieldDef, value: unknown): FieldValue {
  switch (field.kind) {
    case 'text':
    case 'longtext':
      return typeof value === 'string' ? value : '';
    case 'choice':
      return typeof value === 'string' && field.options.some((o) => o.value === value) ? value : '';
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max ? value : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : defaultFieldValue(field);
  }
}

export function readFields(fields: FieldDef[], source: Record<string, unknown> | undefined): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) out[f.key] = readField(f, source?.[f.key]);
  return out;
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function extractBoard(records: Iterable<unknown>, options: ExtractOptions): { results: BoardResults; board: ExtractedBoard } {
  const { exercise } = options;
  const template = exercise.template;
  const shapes = new Map<string, RawShape>();
  const bindings: RawBinding[] = [];
  for (const r of records) {
    const rec = r as RawRecord;
    if (!rec || typeof rec !== 'object') continue;
    if (rec.typeName === 'shape') shapes.set(rec.id, rec as RawShape);
    else if (rec.typeName === 'binding') bindings.push(rec as RawBinding);
  }

  // Page position of a shape: its own offset plus its ancestors' (rotation of parents ignored).
  const pagePos = new Map<string, { x: number; y: number }>();
  const positionOf = (shape: RawShape, depth = 0): { x: number; y: number } => {
    const known = pagePos.get(shape.id);
    if (known) return known;
    const parent = shapes.get(shape.parentId);
    const base = parent && depth < 50 ? positionOf(parent, depth + 1) : { x: 0, y: 0 };
    const pos = { x: base.x + (Number(shape.x) || 0), y: base.y + (Number(shape.y) || 0) };
    pagePos.set(shape.id, pos);
    return pos;
  };

  const zones: ZoneRect[] = [];
  for (const s of shapes.values()) {
    if (s.type !== ZONE_SHAPE_TYPE) continue;
    const storedZoneId = asString(s.props.zoneId);
    if (!storedZoneId) continue;
    const zoneId = template.zoneAliases?.[storedZoneId] ?? storedZoneId;
    const p = positionOf(s);
    zones.push({ zoneId, x: p.x, y: p.y, w: Number(s.props.w) || 0, h: Number(s.props.h) || 0 });
  }
  zones.sort((a, b) => a.w * a.h - b.w * b.h); // smallest first: the innermost zone wins

  const zoneAt = (cx: number, cy: number): string | null =>
    zones.find((z) => cx >= z.x && cx <= z.x + z.w && cy >= z.y && cy <= z.y + z.h)?.zoneId ?? null;

  const stepsByZone = new Map<string, string[]>();
  for (const [zoneId, steps] of groupBy(template.steps, (s) => s.zoneId ?? '')) {
    if (zoneId) stepsByZone.set(zoneId, steps.map((s) => s.id));
  }

  const items: ResultItem[] = [];
  for (const s of shapes.values()) {
    const type = itemTypeOfShape(s.type);
    const def = type ? options.itemType(type) : undefined;
    if (!def) continue;
    const p = positionOf(s);
    const w = Number(s.props.w) || def.w;
    const h = Number(s.props.h) || def.h;
    const fields = readFields(def.fields, s.props);
    const zoneId = zoneAt(p.x + w / 2, p.y + h / 2);
    const titleValue = fields[def.titleField];
    const meta = s.meta ?? {};
    items.push({
      id: s.id,
      type: def.type,
      typeLabel: def.label,
      title: typeof titleValue === 'string' && titleValue.trim() ? titleValue.trim() : def.label,
      fields,
      zoneId,
      stepIds: zoneId ? (stepsByZone.get(zoneId) ?? []) : [],
      x: p.x,
      y: p.y,
      w,
      h,
      createdBy: asString(meta.createdBy),
      updatedBy: asString(meta.updatedBy),
      createdAt: asString(meta.createdAt),
      updatedAt: asString(meta.updatedAt),
    });
  }
  items.sort(byId);
  const itemsById = new Map(items.map((i) => [i.id, i]));

  const ends = new Map<string, { start?: string; end?: string }>();
  for (const b of bindings) {
    if (b.type !== 'arrow') continue;
    const terminal = b.props?.terminal;
    if (terminal !== 'start' && terminal !== 'end') continue;
    const e = ends.get(b.fromId) ?? {};
    e[terminal] = b.toId;
    ends.set(b.fromId, e);
  }

  const kinds = new Map<string, ConnectorKindDef>(exercise.connectorKinds.map((k) => [k.kind, k]));
  const connections: ResultConnection[] = [];
  for (const s of shapes.values()) {
    if (s.type !== 'arrow') continue;
    const pb = s.meta?.[CONNECTOR_META_KEY] as { kind?: unknown; fields?: Record<string, unknown> } | undefined;
    const kind = pb && typeof pb.kind === 'string' ? kinds.get(pb.kind) : undefined;
    if (!kind) continue;
    const e = ends.get(s.id) ?? {};
    const fromId = e.start && itemsById.has(e.start) ? e.start : null;
    const toId = e.end && itemsById.has(e.end) ? e.end : null;
    connections.push({
      id: s.id,
      kind: kind.kind,
      kindLabel: kind.label,
      fromId,
      toId,
      fields: readFields(kind.fields, pb?.fields),
      complete: fromId !== null && toId !== null,
    });
  }
  connections.sort(byId);

  const itemsByZone = groupBy(items, (i) => i.zoneId ?? '');
  const steps: ResultStep[] = template.steps.map((step) => ({
    id: step.id,
    title: step.title,
    zoneId: step.zoneId ?? null,
    itemIds: step.zoneId ? (itemsByZone.get(step.zoneId) ?? []).map((i) => i.id) : [],
  }));

  const typeIndex = groupBy(items, (i) => i.type);
  const kindIndex = groupBy(connections, (c) => c.kind);

  const board: ExtractedBoard = {
    template,
    variant: options.variant ?? null,
    items,
    connections,
    zones,
    byId: itemsById,
    ofType: (type) => typeIndex.get(type) ?? [],
    connectionsOfKind: (kind) => kindIndex.get(kind) ?? [],
  };

  const results: BoardResults = {
    resultsVersion: RESULTS_VERSION,
    templateId: template.id,
    templateVersion: options.templateVersion ?? template.version,
    variant: options.variant ?? null,
    steps,
    items,
    connections,
    figures: exercise.figures(board),
  };
  return { results, board };
}

function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of list) {
    const k = key(t);
    const bucket = out.get(k);
    if (bucket) bucket.push(t);
    else out.set(k, [t]);
  }
  return out;
}
