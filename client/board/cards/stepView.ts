import type { Box, Editor, TLShapeId } from 'tldraw';
import { zoneShapeId } from '../../../exercises/kit/seed';
import { ZONE_SHAPE_TYPE } from '../../../exercises/kit/shapes';
import { CARD_SMALLEST_TEXT_PX } from '../shapes/ItemShapeUtil';
import type { Rect } from './placement';

/**
 * The view a step opens on, for everyone and on any screen: the step's cards at a zoom where
 * their smallest text is at least READABLE_TEXT_PX on screen, not the whole (mostly empty) zone.
 *
 *  - Cards that fit at a readable zoom are shown whole, centred, never above 100 %; the zone's
 *    label is kept in view when that costs no zoom below the readable one.
 *  - More cards than fit: the readable zoom, starting at their top-left corner (people pan on).
 *  - An empty zone: 100 % at its top-left corner, with its label and the step's prompt in view.
 */
export const READABLE_TEXT_PX = 11;
export const STEP_MIN_ZOOM = READABLE_TEXT_PX / CARD_SMALLEST_TEXT_PX;

/** Screen room tldraw's own controls take at the canvas's edges (menu top-left, toolbar bottom). */
export const VIEW_INSETS = { top: 56, right: 16, bottom: 64, left: 16 };
/** Where an empty zone's top-left corner lands on screen. */
export const EMPTY_ZONE_AT = { x: 24, y: 64 };
/** Canvas room around the cards. */
const PAD = 16;
/** The zone's label, kept in view when it fits. */
const LABEL_BOX = { w: 420, h: 48 };

export interface Camera {
  x: number;
  y: number;
  z: number;
}

function union(rects: readonly Rect[]): Rect {
  const minX = Math.min(...rects.map((r) => r.x));
  const minY = Math.min(...rects.map((r) => r.y));
  const maxX = Math.max(...rects.map((r) => r.x + r.w));
  const maxY = Math.max(...rects.map((r) => r.y + r.h));
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** The camera showing `zone` and its `items` (page rects) in a canvas of `screen` size. Pure. */
export function stepCamera(zone: Rect, items: readonly Rect[], screen: { w: number; h: number }): Camera {
  const room = {
    x: VIEW_INSETS.left,
    y: VIEW_INSETS.top,
    w: Math.max(1, screen.w - VIEW_INSETS.left - VIEW_INSETS.right),
    h: Math.max(1, screen.h - VIEW_INSETS.top - VIEW_INSETS.bottom),
  };
  if (items.length === 0) return { x: EMPTY_ZONE_AT.x - zone.x, y: EMPTY_ZONE_AT.y - zone.y, z: 1 };
  const pad = (r: Rect): Rect => ({ x: r.x - PAD, y: r.y - PAD, w: r.w + 2 * PAD, h: r.h + 2 * PAD });
  const zoomToFit = (r: Rect) => Math.min(room.w / r.w, room.h / r.h, 1);
  const cards = pad(union(items));
  const withLabel = pad(union([...items, { x: zone.x, y: zone.y, w: Math.min(zone.w, LABEL_BOX.w), h: LABEL_BOX.h }]));
  const target = zoomToFit(withLabel) >= STEP_MIN_ZOOM ? withLabel : cards;
  const z = Math.max(zoomToFit(target), STEP_MIN_ZOOM);
  // Centred when it fits; otherwise from its top-left corner.
  const w = target.w * z;
  const h = target.h * z;
  const sx = w <= room.w + 0.5 ? room.x + (room.w - w) / 2 : room.x;
  const sy = h <= room.h + 0.5 ? room.y + (room.h - h) / 2 : room.y;
  return { x: sx / z - target.x, y: sy / z - target.y, z };
}

/** Page rects of the shapes whose centre lies in `zone` (cards, notes, drawings; not zones or arrows). */
function shapesInZone(editor: Editor, zone: Box): Rect[] {
  const out: Rect[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === ZONE_SHAPE_TYPE || shape.type === 'arrow') continue;
    const b = editor.getShapePageBounds(shape);
    if (b && zone.containsPoint(b.center)) out.push({ x: b.x, y: b.y, w: b.w, h: b.h });
  }
  return out;
}

/**
 * How much of the canvas's left and right edges a side panel floating over it hides (narrow
 * windows, SidePanel's `data-covers-canvas`): the step view is fitted to the rest.
 */
function coveredEdges(editor: Editor): { left: number; right: number } {
  const canvas = editor.getContainer().getBoundingClientRect();
  const covered = { left: 0, right: 0 };
  for (const el of document.querySelectorAll<HTMLElement>('[data-covers-canvas]')) {
    const r = el.getBoundingClientRect();
    if (el.dataset.coversCanvas === 'left') covered.left = Math.max(covered.left, r.right - canvas.left);
    else covered.right = Math.max(covered.right, canvas.right - r.left);
  }
  return { left: Math.max(0, covered.left), right: Math.max(0, covered.right) };
}

/** Moves the camera to a zone's step view (see above); false when the zone is not on the board. */
export function showStepView(editor: Editor, zoneId: string, options: { animate?: boolean } = {}): boolean {
  const zone = editor.getShapePageBounds(zoneShapeId(zoneId) as TLShapeId);
  if (!zone) return false;
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
  const screen = editor.getViewportScreenBounds();
  const covered = coveredEdges(editor);
  const visible = { w: Math.max(1, screen.w - covered.left - covered.right), h: screen.h };
  const inVisible = stepCamera(zone, shapesInZone(editor, zone), visible);
  // The same view, shifted right past a panel covering the left edge.
  const camera = { ...inVisible, x: inVisible.x + covered.left / inVisible.z };
  editor.setCamera(camera, options.animate === false ? undefined : { animation: { duration: 360 } });
  return true;
}


/**
 * Moves the camera, the least it can, so a shape is in the part of the canvas no floating panel
 * covers (in a narrow window the Details tab slides in over the canvas to fill a new card in,
 * and would hide it). Does nothing when the shape is already there.
 */
export function keepClearOfPanels(editor: Editor, id: TLShapeId): void {
  const b = editor.getShapePageBounds(id);
  if (!b) return;
  const covered = coveredEdges(editor);
  if (covered.left === 0 && covered.right === 0) return;
  const camera = editor.getCamera();
  const screen = editor.getViewportScreenBounds();
  // The shape's left and right edges on screen, and the room between the panels.
  const left = (b.x + camera.x) * camera.z;
  const right = (b.x + b.w + camera.x) * camera.z;
  const roomLeft = covered.left + PAD;
  const roomRight = screen.w - covered.right - PAD;
  let dx = 0;
  if (right - left > roomRight - roomLeft || left < roomLeft) dx = roomLeft - left;
  else if (right > roomRight) dx = roomRight - right;
  if (dx === 0) return;
  editor.setCamera({ ...camera, x: camera.x + dx / camera.z }, { animation: { duration: 240 } });
}
