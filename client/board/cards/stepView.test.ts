import { describe, expect, it } from 'vitest';
import { EMPTY_ZONE_AT, READABLE_TEXT_PX, STEP_MIN_ZOOM, stepCamera, VIEW_INSETS } from './stepView';
import { CARD_SMALLEST_TEXT_PX } from '../shapes/ItemShapeUtil';

const laptop = { w: 798, h: 673 };
const zone = { x: 2000, y: 0, w: 1840, h: 960 };
const card = (col: number, row: number) => ({ x: zone.x + 24 + col * 220, y: zone.y + 136 + row * 120, w: 200, h: 100 });

/** Where a page point lands on screen under a camera. */
const toScreen = (cam: { x: number; y: number; z: number }, p: { x: number; y: number }) => ({ x: (p.x + cam.x) * cam.z, y: (p.y + cam.y) * cam.z });

describe('the view a step opens on', () => {
  it('never zooms out so far that the smallest card text drops below 11 px', () => {
    expect(STEP_MIN_ZOOM * CARD_SMALLEST_TEXT_PX).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
    const many = Array.from({ length: 40 }, (_, i) => card(i % 8, Math.floor(i / 8)));
    expect(stepCamera(zone, many, laptop).z).toBeCloseTo(STEP_MIN_ZOOM);
  });

  it('shows a few cards whole and centred, never above 100 %', () => {
    const few = [card(0, 0), card(1, 0), card(2, 0)];
    const cam = stepCamera(zone, few, laptop);
    expect(cam.z).toBe(1);
    const first = toScreen(cam, few[0]);
    const last = toScreen(cam, { x: few[2].x + 200, y: few[2].y + 100 });
    expect(first.x).toBeGreaterThanOrEqual(VIEW_INSETS.left);
    expect(last.x).toBeLessThanOrEqual(laptop.w - VIEW_INSETS.right);
    expect(last.y).toBeLessThanOrEqual(laptop.h - VIEW_INSETS.bottom);
  });

  it('fits a typical step of twenty cards on a 1366 × 768 laptop beside both panels at a readable zoom', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => card(i % 4, Math.floor(i / 4)));
    const cam = stepCamera(zone, twenty, laptop);
    expect(cam.z).toBeGreaterThanOrEqual(STEP_MIN_ZOOM);
    const start = toScreen(cam, twenty[0]);
    const end = toScreen(cam, { x: card(3, 4).x + 200, y: card(3, 4).y + 100 });
    expect(start.x).toBeGreaterThanOrEqual(VIEW_INSETS.left - 0.5);
    expect(start.y).toBeGreaterThanOrEqual(VIEW_INSETS.top - 0.5);
    expect(end.x).toBeLessThanOrEqual(laptop.w - VIEW_INSETS.right + 0.5);
    expect(end.y).toBeLessThanOrEqual(laptop.h - VIEW_INSETS.bottom + 0.5);
  });

  it('starts at the top-left of the cards when they do not all fit', () => {
    const many = Array.from({ length: 40 }, (_, i) => card(i % 8, Math.floor(i / 8)));
    const cam = stepCamera(zone, many, laptop);
    const first = toScreen(cam, many[0]);
    expect(first.x).toBeGreaterThanOrEqual(VIEW_INSETS.left);
    expect(first.x).toBeLessThan(VIEW_INSETS.left + 60);
    expect(first.y).toBeLessThan(VIEW_INSETS.top + 60);
  });

  it('opens an empty zone at 100 % at its top-left corner', () => {
    const cam = stepCamera(zone, [], laptop);
    expect(cam.z).toBe(1);
    expect(toScreen(cam, zone)).toEqual(EMPTY_ZONE_AT);
  });
});
