import { GeoShapeUtil, getDisplayValues, type TLGeoShape } from 'tldraw';
import { drawnWhenOnScreen } from './offscreen';

/** A label's measured size in the shape's unscaled units. */
export interface LabelSize {
  w: number;
  h: number;
}

/**
 * What a stored set of label sizes is valid for: a browser measures text with its own fonts and
 * at its own pixel ratio, and another version of the app may render labels differently. A stored
 * set made elsewhere is ignored as a whole.
 */
export interface MeasureEnvironment {
  version: number;
  userAgent: string;
  pixelRatio: number;
}

/** The stored form (IndexedDB, structured clone): the environment and [key, w, h] triples. */
export interface StoredLabelSizes {
  env: MeasureEnvironment;
  entries: [string, number, number][];
}

/** Bumped when what goes into a key, or how a label is rendered for measuring, changes. */
const FORMAT_VERSION = 1;
/** At most this many sizes are kept per board (a 4,000-shape board keeps ~1.5 MB). */
export const MAX_STORED_LABEL_SIZES = 20_000;
/** New measurements are offered for storing this long after the last one. */
const SETTLE_MS = 1_000;

export function currentEnvironment(): MeasureEnvironment {
  return {
    version: FORMAT_VERSION,
    userAgent: typeof navigator === 'undefined' ? '' : navigator.userAgent,
    pixelRatio: typeof window === 'undefined' ? 1 : window.devicePixelRatio,
  };
}

function sameEnvironment(a: MeasureEnvironment, b: MeasureEnvironment): boolean {
  return a.version === b.version && a.userAgent === b.userAgent && a.pixelRatio === b.pixelRatio;
}

/**
 * Label sizes keyed by everything the measurement depends on (the rich text, font family, font
 * size, line height, padding and the width the label may take), so that a changed text, font,
 * size or width is a different key and is measured afresh; a key never goes stale.
 *
 * Sizes measured in this visit and sizes kept from earlier visits are looked up alike. The sizes
 * looked up or measured in this visit are the ones stored again (`toStore`), so what is stored
 * follows the board's current content and stays bounded.
 */
export class LabelSizeCache {
  private readonly sizes = new Map<string, LabelSize>();
  private readonly used = new Map<string, LabelSize>();
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private changedSinceStored = false;
  /** Lookups answered from the cache and measurements made, since the page loaded (for tests). */
  hits = 0;
  misses = 0;

  constructor(
    private readonly env: () => MeasureEnvironment = currentEnvironment,
    private readonly max = MAX_STORED_LABEL_SIZES,
  ) {}

  /** The size for `key`, measuring (and remembering) it when unknown. */
  get(key: string, measure: () => LabelSize, storable = true): LabelSize {
    const known = this.sizes.get(key);
    if (known) {
      this.hits++;
      // Kept for the next store; a size read from the stored set is no reason to store again.
      if (!this.used.has(key)) this.used.set(key, known);
      return known;
    }
    this.misses++;
    const size = measure();
    // A size measured before the label's font was loaded holds for now, not for the next visit.
    if (!storable) return size;
    const copy = { w: size.w, h: size.h };
    this.sizes.set(key, copy);
    this.used.set(key, copy);
    this.changedSinceStored = true;
    this.scheduleSettled();
    return size;
  }

  /** Adds sizes stored by an earlier visit; ignored when made in another environment or malformed. */
  load(stored: unknown): number {
    if (!isStored(stored) || !sameEnvironment(stored.env, this.env())) return 0;
    let added = 0;
    for (const [key, w, h] of stored.entries) {
      if (typeof key !== 'string' || !Number.isFinite(w) || !Number.isFinite(h) || this.sizes.has(key)) continue;
      this.sizes.set(key, { w, h });
      added++;
    }
    return added;
  }

  /** What to store for the next visit: the sizes this visit used, the latest `max` of them. */
  toStore(): StoredLabelSizes {
    const all = [...this.used];
    const kept = all.length > this.max ? all.slice(all.length - this.max) : all;
    return { env: this.env(), entries: kept.map(([key, s]) => [key, s.w, s.h]) };
  }

  /** True when the visit used sizes that the last stored set may lack. */
  get changed(): boolean {
    return this.changedSinceStored;
  }

  markStored(): void {
    this.changedSinceStored = false;
  }

  /** Calls `listener` once new sizes have stopped arriving for a moment. */
  onSettled(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scheduleSettled() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const l of [...this.listeners]) l();
    }, SETTLE_MS);
  }
}

function isStored(v: unknown): v is StoredLabelSizes {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<StoredLabelSizes>;
  return !!s.env && typeof s.env === 'object' && Array.isArray(s.entries);
}

/** The page's cache: one board is open at a time, and keys hold for any board. */
export const labelSizes = new LabelSizeCache();

const loadedFonts = new Set<string>();
/** Whether the font a label is measured with is loaded (sizes measured with a fallback are not kept). */
function fontReady(fontSize: number, fontFamily: string): boolean {
  if (typeof document === 'undefined' || !document.fonts) return true;
  const font = `${fontSize}px ${fontFamily}`;
  if (loadedFonts.has(font)) return true;
  let ready = false;
  try {
    ready = document.fonts.check(font);
  } catch {
    ready = false;
  }
  if (ready) loadedFonts.add(font);
  return ready;
}

type Measure = (shape: TLGeoShape) => LabelSize;

/** The key of a geo shape's label: every input of tldraw's measurement of it. */
export function geoLabelKey(util: GeoShapeUtil, shape: TLGeoShape): { key: string; fontSize: number; fontFamily: string } {
  const dv = getDisplayValues(util, shape);
  const maxWidth = Math.max(0, Math.ceil(dv.labelMinWidth + dv.labelExtraPadding), Math.ceil(shape.props.w / shape.props.scale - dv.labelPadding * 2));
  const key = JSON.stringify([
    'geo',
    dv.labelFontFamily,
    dv.labelFontSize,
    dv.labelLineHeight,
    dv.labelMinWidth,
    dv.labelPadding,
    maxWidth,
    shape.props.richText,
  ]);
  return { key, fontSize: dv.labelFontSize, fontFamily: dv.labelFontFamily };
}

/**
 * tldraw's geo shape with its label measurements kept between visits. tldraw measures a label by
 * rendering its rich text to HTML and laying it out in the DOM, for every labelled shape as the
 * editor starts (~1 ms each); the result depends only on what `geoLabelKey` holds, so a size found
 * under that key is used as is. The measuring method is private in tldraw's types, hence the
 * instance override (tldraw is pinned to one exact version; a test checks the method is there).
 */
export class CachedGeoShapeUtil extends GeoShapeUtil {
  constructor(...args: ConstructorParameters<typeof GeoShapeUtil>) {
    super(...args);
    const self = this as unknown as { measureUnscaledLabelSize: Measure };
    const measure = self.measureUnscaledLabelSize.bind(this);
    self.measureUnscaledLabelSize = (shape) => {
      const { key, fontSize, fontFamily } = geoLabelKey(this, shape);
      return labelSizes.get(key, () => measure(shape), fontReady(fontSize, fontFamily));
    };
  }

  /** Drawn empty while off screen (offscreen.tsx): its label's HTML is made when it is shown. */
  override component(shape: TLGeoShape) {
    return drawnWhenOnScreen(this.editor, shape.id, () => super.component(shape));
  }
}
