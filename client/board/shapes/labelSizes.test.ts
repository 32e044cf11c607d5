import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THEME, GeoShapeUtil, toRichText, type TLGeoShape } from 'tldraw';
import { CachedGeoShapeUtil, geoLabelKey, LabelSizeCache, type MeasureEnvironment } from './labelSizes';

const env: MeasureEnvironment = { version: 1, userAgent: 'test browser', pixelRatio: 1 };

/** Enough of an editor for tldraw's display values of a geo shape. */
const fakeEditor = { getCurrentTheme: () => DEFAULT_THEME, getColorMode: () => 'light' } as never;

function geo(text: string, props: Partial<TLGeoShape['props']> = {}): TLGeoShape {
  const util = new GeoShapeUtil(fakeEditor);
  return {
    id: 'shape:a',
    typeName: 'shape',
    type: 'geo',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { ...util.getDefaultProps(), w: 200, h: 100, richText: toRichText(text), ...props },
  } as TLGeoShape;
}

const keyOf = (shape: TLGeoShape) => geoLabelKey(new GeoShapeUtil(fakeEditor), shape).key;

describe('the key of a geo label', () => {
  it('is the same for the same text, font, size and width', () => {
    expect(keyOf(geo('Hello'))).toBe(keyOf(geo('Hello')));
  });

  it('changes with the text, the font, the size and the width the label may take', () => {
    const base = keyOf(geo('Hello'));
    expect(keyOf(geo('Hello!'))).not.toBe(base);
    expect(keyOf(geo('Hello', { font: 'serif' }))).not.toBe(base);
    expect(keyOf(geo('Hello', { size: 'xl' }))).not.toBe(base);
    expect(keyOf(geo('Hello', { w: 400 }))).not.toBe(base);
    expect(keyOf(geo('Hello', { w: 400, scale: 2 }))).toBe(base);
  });

  it('does not change with what the measurement does not depend on', () => {
    const base = keyOf(geo('Hello'));
    expect(keyOf(geo('Hello', { color: 'red', h: 300, geo: 'ellipse' }))).toBe(base);
  });
});

describe('a label size cache', () => {
  it('measures a key once and answers it from memory after', () => {
    const cache = new LabelSizeCache(() => env);
    const measure = vi.fn(() => ({ w: 10, h: 20 }));
    expect(cache.get('k', measure)).toEqual({ w: 10, h: 20 });
    expect(cache.get('k', measure)).toEqual({ w: 10, h: 20 });
    expect(measure).toHaveBeenCalledTimes(1);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });

  it('keeps a size measured before its font loaded for this visit only', () => {
    const cache = new LabelSizeCache(() => env);
    const measure = vi.fn(() => ({ w: 10, h: 20 }));
    cache.get('k', measure, false);
    cache.get('k', measure, false);
    expect(measure).toHaveBeenCalledTimes(2);
    expect(cache.toStore().entries).toEqual([]);
  });

  it('answers a later visit from what an earlier one stored, without measuring', () => {
    const first = new LabelSizeCache(() => env);
    first.get('a', () => ({ w: 1, h: 2 }));
    first.get('b', () => ({ w: 3, h: 4 }));
    const stored = structuredClone(first.toStore());

    const later = new LabelSizeCache(() => env);
    expect(later.load(stored)).toBe(2);
    const measure = vi.fn(() => ({ w: 99, h: 99 }));
    expect(later.get('b', measure)).toEqual({ w: 3, h: 4 });
    expect(measure).not.toHaveBeenCalled();
    expect(later.changed).toBe(false);
  });

  it('ignores sizes stored by another browser, pixel ratio or format, and malformed ones', () => {
    const first = new LabelSizeCache(() => env);
    first.get('a', () => ({ w: 1, h: 2 }));
    const stored = first.toStore();
    expect(new LabelSizeCache(() => ({ ...env, pixelRatio: 2 })).load(stored)).toBe(0);
    expect(new LabelSizeCache(() => ({ ...env, userAgent: 'other' })).load(stored)).toBe(0);
    expect(new LabelSizeCache(() => ({ ...env, version: 2 })).load(stored)).toBe(0);
    expect(new LabelSizeCache(() => env).load({ env, entries: [['a', 'wide', 2], [3, 1, 1]] })).toBe(0);
    expect(new LabelSizeCache(() => env).load('garbage')).toBe(0);
  });

  it('stores only what this visit used, at most the latest `max` sizes', () => {
    const earlier = new LabelSizeCache(() => env);
    for (const k of ['old', 'kept']) earlier.get(k, () => ({ w: 1, h: 1 }));
    const cache = new LabelSizeCache(() => env, 3);
    cache.load(earlier.toStore());
    cache.get('kept', () => ({ w: 0, h: 0 }));
    for (const k of ['n1', 'n2', 'n3']) cache.get(k, () => ({ w: 2, h: 2 }));
    expect(cache.toStore().entries.map(([k]) => k)).toEqual(['n1', 'n2', 'n3']);
    const roomy = new LabelSizeCache(() => env, 10);
    roomy.load(earlier.toStore());
    roomy.get('kept', () => ({ w: 0, h: 0 }));
    roomy.get('n1', () => ({ w: 2, h: 2 }));
    expect(roomy.toStore().entries.map(([k]) => k)).toEqual(['kept', 'n1']);
  });

  describe('when measuring settles', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('tells its listeners once new sizes stop arriving', () => {
      vi.useFakeTimers();
      const cache = new LabelSizeCache(() => env);
      const settled = vi.fn();
      cache.onSettled(settled);
      cache.get('a', () => ({ w: 1, h: 1 }));
      vi.advanceTimersByTime(500);
      cache.get('b', () => ({ w: 1, h: 1 }));
      vi.advanceTimersByTime(900);
      expect(settled).not.toHaveBeenCalled();
      vi.advanceTimersByTime(200);
      expect(settled).toHaveBeenCalledTimes(1);
    });
  });
});

describe('the geo shape util with cached label sizes', () => {
  it('overrides the method tldraw measures labels with (tldraw keeps it private)', () => {
    expect(typeof (GeoShapeUtil.prototype as unknown as Record<string, unknown>).measureUnscaledLabelSize).toBe('function');
    const util = new CachedGeoShapeUtil(fakeEditor);
    const own = (util as unknown as Record<string, unknown>).measureUnscaledLabelSize;
    expect(own).not.toBe((GeoShapeUtil.prototype as unknown as Record<string, unknown>).measureUnscaledLabelSize);
    expect(CachedGeoShapeUtil.type).toBe('geo');
  });
});
