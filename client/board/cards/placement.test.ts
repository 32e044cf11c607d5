import { describe, expect, it } from 'vitest';
import { FRAME_W, GAP, overlaps, placeAround, placeInZone, ZONE_HEADER, ZONE_PADDING, type Rect } from './placement';

const zone: Rect = { x: 1000, y: 500, w: 1000, h: 600 };
const card = { w: 200, h: 120 };

describe('placing a new card in a zone', () => {
  it('puts the first card at the top-left, below the zone label', () => {
    expect(placeInZone(zone, card, [], null)).toEqual({ x: 1000 + ZONE_PADDING, y: 500 + ZONE_HEADER });
  });

  it('takes the next free slot of the row, then the next row', () => {
    const first = { x: 1000 + ZONE_PADDING, y: 500 + ZONE_HEADER, ...card };
    const second = placeInZone(zone, card, [first], first);
    expect(second).toEqual({ x: first.x + card.w + GAP, y: first.y });
    const row: Rect[] = [0, 1, 2, 3].map((i) => ({ x: first.x + i * (card.w + GAP), y: first.y, ...card }));
    expect(placeInZone(zone, card, row, row[3])).toEqual({ x: first.x, y: first.y + card.h + GAP });
  });

  it('keeps rows one frame wide, then goes on in the next frame to the right of a full one', () => {
    const wideZone: Rect = { x: 0, y: 0, w: 2000, h: ZONE_HEADER + 2 * (card.h + GAP) + ZONE_PADDING };
    const placed: Rect[] = [];
    let last: Rect | null = null;
    for (let i = 0; i < 9; i++) {
      const at = placeInZone(wideZone, card, placed, last);
      last = { ...at, ...card };
      placed.push(last);
    }
    const perRow = Math.floor((FRAME_W + GAP) / (card.w + GAP));
    expect(perRow).toBe(4);
    // Two rows of four in the first frame...
    expect(placed.slice(0, 8).every((r) => r.x + r.w <= ZONE_PADDING + FRAME_W)).toBe(true);
    expect(placed[4]).toMatchObject({ x: ZONE_PADDING, y: ZONE_HEADER + card.h + GAP });
    // ...then the second frame starts at the top.
    expect(placed[8]).toMatchObject({ x: ZONE_PADDING + FRAME_W + GAP, y: ZONE_HEADER });
  });

  it('leaves a gap after a wider card', () => {
    const wide: Rect = { x: 1000 + ZONE_PADDING, y: 500 + ZONE_HEADER, w: 300, h: 150 };
    expect(placeInZone(zone, card, [wide], wide)).toEqual({ x: wide.x + wide.w + GAP, y: wide.y });
  });

  it('never covers another card while there is room', () => {
    const other: Rect = { x: 1100, y: 650, w: 300, h: 200 };
    const placed = placeInZone(zone, card, [other], null);
    expect(overlaps({ ...placed, ...card }, other)).toBe(false);
    expect(placed.x + card.w).toBeLessThanOrEqual(zone.x + zone.w);
  });

  it('moves off the last card when the zone is full, staying inside it', () => {
    const full: Rect[] = [{ ...zone }];
    const last: Rect = { x: 1300, y: 700, ...card };
    const placed = placeInZone(zone, card, full, last);
    expect(overlaps({ ...placed, ...card }, last)).toBe(false);
    expect(placed.x).toBeGreaterThanOrEqual(zone.x);
    expect(placed.y + card.h).toBeLessThanOrEqual(zone.y + zone.h);
  });
});

describe('placing a new card without a zone', () => {
  it('centres it on the given point', () => {
    expect(placeAround({ x: 500, y: 300 }, card, [])).toEqual({ x: 400, y: 240 });
  });

  it('moves it off the card created before', () => {
    const last: Rect = { x: 400, y: 240, ...card };
    const placed = placeAround({ x: 500, y: 300 }, card, [last]);
    expect(overlaps({ ...placed, ...card }, last)).toBe(false);
  });
});
