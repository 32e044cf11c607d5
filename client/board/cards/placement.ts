/**
 * Where a new card goes. Pure geometry on page-space rectangles, so it is tested without an
 * editor.
 *
 *  - In a zone: the first free spot from the zone's top-left, below its label and prompt, row by
 *    row, keeping a GAP from other shapes. Rows are at most FRAME_W wide (what a laptop shows of
 *    the board at a readable zoom, see stepView.ts); a frame full to the zone's bottom continues
 *    in the next frame to its right. So the cards of a step stay in one readable screenful as
 *    long as they fit in one. When the zone is full, the card is shifted diagonally from the last
 *    card created until it no longer covers it, still inside the zone.
 *  - Otherwise: centred on the given point (the middle of the viewport), shifted diagonally until
 *    it overlaps no other card.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  w: number;
  h: number;
}

/**
 * Room left free at the zone's top for its label and step badge (which grows when zoomed out) and
 * the step's prompt (three lines at 100 %).
 */
export const ZONE_HEADER = 136;
export const ZONE_PADDING = 24;
export const GAP = 20;
/**
 * Width of one frame of cards: four 200-wide cards, what a 1366 × 768 laptop shows beside both
 * side panels at a readable zoom (five rows of 100-high cards fit below each other there).
 */
export const FRAME_W = 860;
const CASCADE = 28;
const MAX_CASCADE = 40;

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** Free: at least GAP away from every occupied rectangle. */
function isFree(r: Rect, occupied: readonly Rect[]): boolean {
  return !occupied.some((o) => overlaps(r, o, GAP - 1));
}

/** Top-left of a free spot for a card of `size` inside `zone`. */
export function placeInZone(zone: Rect, size: Size, occupied: readonly Rect[], last: Rect | null): { x: number; y: number } {
  const left = zone.x + ZONE_PADDING;
  const top = zone.y + ZONE_HEADER;
  const right = zone.x + zone.w - ZONE_PADDING;
  const bottom = zone.y + zone.h - ZONE_PADDING;
  for (let frameLeft = left; frameLeft + size.w <= right; frameLeft += FRAME_W + GAP) {
    const spot = placeInFrame(frameLeft, Math.min(right, frameLeft + Math.max(FRAME_W, size.w)), top, bottom, size, occupied);
    if (spot) return spot;
  }
  // Full (or too small): step diagonally from the last card, wrapping back inside the zone.
  const start = last ?? { x: left, y: top, ...size };
  const maxX = Math.max(left, right - size.w);
  const maxY = Math.max(top, bottom - size.h);
  let x = start.x;
  let y = start.y;
  for (let i = 0; i < MAX_CASCADE; i++) {
    x += CASCADE;
    y += CASCADE;
    if (x > maxX) x = left;
    if (y > maxY) y = top;
    if (isFree({ x, y, ...size }, occupied)) break;
    if (!last || !overlaps({ x, y, ...size }, last)) break;
  }
  return { x, y };
}

/**
 * Scans rows from the top of one frame; within a row jumps past whatever is in the way, and starts
 * the next row below the nearest card that blocked this one. Null when the frame is full.
 */
function placeInFrame(left: number, right: number, top: number, bottom: number, size: Size, occupied: readonly Rect[]): { x: number; y: number } | null {
  let rowY = top;
  while (rowY + size.h <= bottom) {
    let slotX = left;
    let nextRowY = Number.POSITIVE_INFINITY;
    while (slotX + size.w <= right) {
      const r = { x: slotX, y: rowY, ...size };
      const hits = occupied.filter((o) => overlaps(r, o, GAP - 1));
      if (hits.length === 0) return { x: slotX, y: rowY };
      slotX = Math.max(...hits.map((o) => o.x + o.w + GAP));
      nextRowY = Math.min(nextRowY, ...hits.map((o) => o.y + o.h + GAP));
    }
    rowY = Number.isFinite(nextRowY) ? Math.max(rowY + 1, nextRowY) : rowY + size.h + GAP;
  }
  return null;
}

/** Top-left of a card of `size` centred on `centre`, moved off any card it would cover. */
export function placeAround(centre: { x: number; y: number }, size: Size, occupied: readonly Rect[]): { x: number; y: number } {
  let x = centre.x - size.w / 2;
  let y = centre.y - size.h / 2;
  for (let i = 0; i < MAX_CASCADE && !isFree({ x, y, ...size }, occupied); i++) {
    x += CASCADE;
    y += CASCADE;
  }
  return { x: Math.round(x), y: Math.round(y) };
}
