/**
 * A board's thumbnail as a small SVG string, made from its records on the server (no DOM, no
 * tldraw). Only numbers the code computed and colours from the fixed palette below are written
 * into it: no text from the board, no ids, no URLs, so it is safe as an `<img>` data URL.
 *
 * Layout: the viewBox is `THUMB_SIZE` units on the board's longer side, around every zone, card
 * and sticky; zones are tinted rectangles, cards small rectangles in their item type's colour,
 * stickies yellow squares. Rectangles of one colour share one `<path>` whose subpaths are
 * written with relative moves from one rectangle to the next (sorted top to bottom), which keeps
 * a 500-card board at a few kilobytes.
 */

/** tldraw's light-theme colours (solid), as `rgb()` so the SVG needs no `#`. */
export const THUMB_PALETTE: Readonly<Record<string, string>> = {
  black: 'rgb(29,29,29)',
  grey: 'rgb(159,168,178)',
  'light-violet': 'rgb(224,133,244)',
  violet: 'rgb(174,62,201)',
  blue: 'rgb(68,101,233)',
  'light-blue': 'rgb(75,161,241)',
  yellow: 'rgb(241,172,75)',
  orange: 'rgb(225,105,25)',
  green: 'rgb(9,146,104)',
  'light-green': 'rgb(76,176,94)',
  'light-red': 'rgb(248,119,119)',
  red: 'rgb(224,49,49)',
  white: 'rgb(255,255,255)',
};
const STICKY_FILL = 'rgb(255,214,64)';
const BACKGROUND = 'rgb(250,250,249)';
const FALLBACK = THUMB_PALETTE.grey;

/** Units of the viewBox on the board's longer side. */
export const THUMB_SIZE = 240;
/** Cards and stickies drawn at most (zones are capped separately). */
export const MAX_THUMB_ITEMS = 1500;
export const MAX_THUMB_ZONES = 100;

export interface ThumbRect {
  kind: 'zone' | 'item' | 'sticky';
  x: number;
  y: number;
  w: number;
  h: number;
  /** A colour name; anything not in THUMB_PALETTE draws grey. */
  color?: string;
}

function colorOf(name: string | undefined): string {
  return (name !== undefined && Object.hasOwn(THUMB_PALETTE, name) ? THUMB_PALETTE[name] : undefined) ?? FALLBACK;
}

const finite = (r: ThumbRect) => Number.isFinite(r.x) && Number.isFinite(r.y) && Number.isFinite(r.w) && Number.isFinite(r.h) && r.w > 0 && r.h > 0;

/** Integer rectangles in viewBox units. */
interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One path of rectangles: `M x y h w v h h -w z`, then relative moves between their corners. */
function pathData(cells: Cell[]): string {
  cells.sort((a, b) => a.y - b.y || a.x - b.x);
  let d = '';
  let px = 0;
  let py = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    // After `z` the current point is the subpath's start, so each move is relative to the last corner.
    d += i === 0 ? `M${c.x} ${c.y}` : `m${c.x - px} ${c.y - py}`;
    d += `h${c.w}v${c.h}h${-c.w}z`;
    px = c.x;
    py = c.y;
  }
  return d;
}

export function renderThumbnail(rects: Iterable<ThumbRect>): string {
  const zones: ThumbRect[] = [];
  const marks: ThumbRect[] = [];
  for (const r of rects) {
    if (!finite(r)) continue;
    if (r.kind === 'zone') {
      if (zones.length < MAX_THUMB_ZONES) zones.push(r);
    } else if (marks.length < MAX_THUMB_ITEMS) marks.push(r);
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of [...zones, ...marks]) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  if (!(maxX > minX) || !(maxY > minY)) {
    const h = Math.round(THUMB_SIZE * 0.625);
    return `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${THUMB_SIZE} ${h}' width='${THUMB_SIZE}' height='${h}'><rect width='${THUMB_SIZE}' height='${h}' fill='${BACKGROUND}'/></svg>`;
  }
  // A margin of 2 % around everything.
  const pad = Math.max(maxX - minX, maxY - minY) * 0.02;
  minX -= pad;
  minY -= pad;
  maxX += pad;
  maxY += pad;
  const scale = THUMB_SIZE / Math.max(maxX - minX, maxY - minY);
  const vw = Math.max(1, Math.round((maxX - minX) * scale));
  const vh = Math.max(1, Math.round((maxY - minY) * scale));
  const cell = (r: ThumbRect): Cell => {
    const x = Math.round((r.x - minX) * scale);
    const y = Math.round((r.y - minY) * scale);
    return { x, y, w: Math.max(1, Math.round((r.x + r.w - minX) * scale) - x), h: Math.max(1, Math.round((r.y + r.h - minY) * scale) - y) };
  };
  const group = (list: ThumbRect[], fill: (r: ThumbRect) => string) => {
    const out = new Map<string, Cell[]>();
    for (const r of list) {
      const key = fill(r);
      let cells = out.get(key);
      if (!cells) out.set(key, (cells = []));
      cells.push(cell(r));
    }
    return out;
  };
  let svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${vw} ${vh}' width='${vw}' height='${vh}'><rect width='${vw}' height='${vh}' fill='${BACKGROUND}'/>`;
  for (const [fill, cells] of group(zones, (r) => colorOf(r.color))) {
    svg += `<path fill='${fill}' fill-opacity='0.14' stroke='${fill}' stroke-opacity='0.5' stroke-width='0.5' d='${pathData(cells)}'/>`;
  }
  const items = group(
    marks.filter((r) => r.kind === 'item'),
    (r) => colorOf(r.color),
  );
  for (const [fill, cells] of items) svg += `<path fill='${fill}' d='${pathData(cells)}'/>`;
  const stickies = marks.filter((r) => r.kind === 'sticky').map(cell);
  if (stickies.length > 0) svg += `<path fill='${STICKY_FILL}' d='${pathData(stickies)}'/>`;
  return `${svg}</svg>`;
}
