import {
  Box,
  createShapeId,
  type Editor,
  type JsonObject,
  type TLArrowShape,
  type TLShape,
  type TLShapeId,
} from 'tldraw';
import { defaultFields, type ItemTypeDef } from '../../../exercises/kit/definitions';
import { CONNECTOR_META_KEY, itemShapeType, itemTypeOfShape, ZONE_SHAPE_TYPE } from '../../../exercises/kit/shapes';
import { zoneShapeId } from '../../../exercises/kit/seed';
import { getItemType } from '../../../exercises/registry';
import type { FieldValue } from '../../../shared/results';
import { arrowheadProps, typedConnectorOf, type ItemShape } from '../shapes';
import { placeAround, placeInZone, type Rect } from './placement';
import { showStepView } from './stepView';

/**
 * Everything the panels do to the board, as editor calls. Attribution goes into `meta`:
 * `createdBy/createdById/createdAt` when a card is made, `updatedBy/updatedById/updatedAt` on
 * every field edit (of a card or of a connector).
 */

export interface Author {
  id: string;
  name: string;
}

/** A typed connector's data, as stored in the arrow's `meta.pb`. */
export interface ConnectorData {
  kind: string;
  fields: Record<string, FieldValue>;
}

export function isItemShape(shape: TLShape | null | undefined): shape is ItemShape {
  return !!shape && itemTypeOfShape(shape.type) !== null;
}

/** The item type of a card (undefined for other shapes, or a type this build does not know). */
export function itemDefOf(shape: TLShape | null | undefined): ItemTypeDef | undefined {
  const type = shape ? itemTypeOfShape(shape.type) : null;
  return type ? getItemType(type) : undefined;
}

export function connectorDataOf(arrow: TLShape): ConnectorData | null {
  const pb = (arrow.meta as Record<string, unknown>)[CONNECTOR_META_KEY] as Partial<ConnectorData> | undefined;
  if (!pb || typeof pb.kind !== 'string') return null;
  return { kind: pb.kind, fields: pb.fields && typeof pb.fields === 'object' ? pb.fields : {} };
}

function authorName(author: Author): string {
  return author.name.trim() || 'Anonymous';
}

function updatedMeta(meta: JsonObject, author: Author): JsonObject {
  return { ...meta, updatedBy: authorName(author), updatedById: author.id, updatedAt: new Date().toISOString() };
}

/** Page bounds of a template zone on the board, when it is there. */
export function zoneBounds(editor: Editor, zoneId: string): Box | undefined {
  return editor.getShapePageBounds(zoneShapeId(zoneId) as TLShapeId);
}

export interface CreateItemOptions {
  author: Author;
  /** The current step's zone: the card goes into its first free slot. */
  zoneId?: string | null;
  /** The card created last, so a full zone cascades from it instead of covering it. */
  lastCreatedId?: TLShapeId | null;
}

/**
 * Creates a card of `def` (in the current step's zone, or in the middle of the viewport), selects
 * it and brings it into view. Returns its id.
 */
export function createItem(editor: Editor, def: ItemTypeDef, options: CreateItemOptions): TLShapeId {
  const size = { w: def.w, h: def.h };
  const occupied: Rect[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === ZONE_SHAPE_TYPE || shape.type === 'arrow') continue;
    const b = editor.getShapePageBounds(shape);
    if (b) occupied.push({ x: b.x, y: b.y, w: b.w, h: b.h });
  }
  const zone = options.zoneId ? zoneBounds(editor, options.zoneId) : undefined;
  const lastShape = options.lastCreatedId ? editor.getShape(options.lastCreatedId) : undefined;
  const lastBounds = lastShape ? editor.getShapePageBounds(lastShape) : undefined;
  const pos = zone
    ? placeInZone(zone, size, occupied, lastBounds ?? null)
    : placeAround(editor.getViewportPageBounds().center, size, occupied);

  const id = createShapeId();
  editor.markHistoryStoppingPoint(`create ${def.type}`);
  editor.run(() => {
    editor.createShape<ItemShape>({
      id,
      type: itemShapeType(def.type) as ItemShape['type'],
      x: pos.x,
      y: pos.y,
      props: { w: def.w, h: def.h, ...defaultFields(def.fields) },
      meta: { createdBy: authorName(options.author), createdById: options.author.id, createdAt: new Date().toISOString() },
    });
    editor.setCurrentTool('select');
    editor.select(id);
  });
  const bounds = editor.getShapePageBounds(id);
  if (bounds && !editor.getViewportPageBounds().contains(bounds)) {
    editor.centerOnPoint(bounds.center, { animation: { duration: 240 } });
  }
  return id;
}

/** Writes field values of a card (only the given keys) with the author's attribution. */
export function updateItemFields(editor: Editor, id: TLShapeId, patch: Record<string, FieldValue>, author: Author): void {
  const shape = editor.getShape(id);
  if (!isItemShape(shape)) return;
  const changed = Object.entries(patch).some(([k, v]) => shape.props[k] !== v);
  if (!changed) return;
  editor.updateShape<ItemShape>({ id, type: shape.type, props: patch, meta: updatedMeta(shape.meta, author) });
}

/**
 * Types an arrow as a connector of `kind`, or makes it a free arrow again with null. A change of
 * kind also sets the arrowheads that fit the kind (tldraw's default ones for a free arrow); colour,
 * dash and label follow the kind when drawn (BoardArrowShapeUtil).
 */
export function setConnector(editor: Editor, id: TLShapeId, next: ConnectorData | null, author: Author): void {
  const arrow = editor.getShape(id);
  if (arrow?.type !== 'arrow') return;
  const { [CONNECTOR_META_KEY]: previous, ...rest } = arrow.meta as JsonObject;
  const meta = updatedMeta(rest, author);
  if (next) meta[CONNECTOR_META_KEY] = { kind: next.kind, fields: next.fields } as JsonObject;
  const previousKind = previous && typeof previous === 'object' && !Array.isArray(previous) ? previous.kind : undefined;
  if ((previousKind ?? null) === (next?.kind ?? null)) {
    editor.updateShape<TLArrowShape>({ id, type: 'arrow', meta });
    return;
  }
  const typed = next ? typedConnectorOf(editor, { ...arrow, meta }) : null;
  editor.updateShape<TLArrowShape>({ id, type: 'arrow', meta, props: arrowheadProps(typed?.look ?? null) });
}

/**
 * Connects two cards with an arrow bound to both (the keyboard's way to draw one), typed as
 * `kind` unless it is null; the first card stays selected. Returns the arrow's id.
 */
export function connectCards(editor: Editor, fromId: TLShapeId, toId: TLShapeId, kind: ConnectorData | null, author: Author): TLShapeId | null {
  const a = editor.getShapePageBounds(fromId);
  const b = editor.getShapePageBounds(toId);
  if (!a || !b || fromId === toId) return null;
  const id = createShapeId();
  const meta: JsonObject = { createdBy: authorName(author), createdById: author.id, createdAt: new Date().toISOString() };
  if (kind) meta[CONNECTOR_META_KEY] = { kind: kind.kind, fields: kind.fields } as JsonObject;
  const binding = (terminal: 'start' | 'end', target: TLShapeId) => ({
    type: 'arrow' as const,
    fromId: id,
    toId: target,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' as const },
  });
  editor.markHistoryStoppingPoint('connect cards');
  editor.run(() => {
    editor.createShape<TLArrowShape>({
      id,
      type: 'arrow',
      x: a.center.x,
      y: a.center.y,
      props: { start: { x: 0, y: 0 }, end: { x: b.center.x - a.center.x, y: b.center.y - a.center.y } },
      meta,
    });
    const typed = kind ? typedConnectorOf(editor, editor.getShape(id) as TLShape) : null;
    if (typed) editor.updateShape<TLArrowShape>({ id, type: 'arrow', props: arrowheadProps(typed.look) });
    editor.createBindings([binding('start', fromId), binding('end', toId)]);
    editor.select(fromId);
  });
  return id;
}

/** Selects the shapes that exist among `ids` and zooms to them (never beyond 100 %). */
export function selectAndShow(editor: Editor, ids: readonly string[]): void {
  const shapes = ids.map((id) => editor.getShape(id as TLShapeId)).filter((s): s is TLShape => !!s);
  if (shapes.length === 0) return;
  editor.setCurrentTool('select');
  editor.select(...shapes.map((s) => s.id));
  const boxes = shapes.map((s) => editor.getShapePageBounds(s)).filter((b): b is Box => !!b);
  if (boxes.length) editor.zoomToBounds(Box.Common(boxes), { inset: 64, targetZoom: 1, animation: { duration: 320 } });
}

/** Shows a template zone's step view: its cards at a readable zoom (stepView.ts). */
export function showZone(editor: Editor, zoneId: string, options?: { animate?: boolean }): boolean {
  return showStepView(editor, zoneId, options);
}
