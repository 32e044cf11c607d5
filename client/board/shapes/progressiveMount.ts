import { atom, Editor, type Atom, type TLRenderingShape, type TLShapeId } from 'tldraw';

/**
 * A board opens with the shapes on screen mounted first; the others (hidden by tldraw until the
 * camera reaches them) are mounted after the first paint, a batch per task. tldraw mounts a
 * component for every shape of the page in one React commit as the editor starts, ~1 s for
 * 3,900 shapes, before anything is painted (bench/CONTEXT.md).
 *
 * It works on `Editor.getRenderingShapes`, what tldraw's shapes layer draws: until every shape is
 * mounted it lists the shapes on screen (or selected, or being edited: tldraw never culls those)
 * and the ones mounted so far. A shape once mounted stays mounted; one that comes on screen is
 * mounted at once. Other users of the list (indicators) only act on shapes on screen.
 */

/** Shapes mounted per batch after the first paint (each ~0.25 ms, drawn empty while off screen). */
const BATCH = 250;

interface Progress {
  mounted: Set<TLShapeId>;
  /** The list last returned while done: what is mounted then. */
  lastAll: TLRenderingShape[];
  /** Bumped after each batch, so the shapes layer draws again. */
  version: Atom<number>;
  done: boolean;
  scheduled: boolean;
}

const progressOf = new WeakMap<Editor, Progress>();
const renderingShapes = Editor.prototype.getRenderingShapes;

function progress(editor: Editor): Progress {
  let p = progressOf.get(editor);
  if (!p) {
    p = { mounted: new Set(), lastAll: [], version: atom('mounted shapes', 0), done: false, scheduled: false };
    progressOf.set(editor, p);
  }
  return p;
}

function scheduleBatch(editor: Editor, p: Progress): void {
  if (p.scheduled || p.done) return;
  p.scheduled = true;
  // After the frame that shows the first commit, then one task per batch.
  requestAnimationFrame(() =>
    setTimeout(() => {
      p.scheduled = false;
      if (editor.isDisposed) return;
      let added = 0;
      for (const r of renderingShapes.call(editor)) {
        if (p.mounted.has(r.id)) continue;
        p.mounted.add(r.id);
        if (++added === BATCH) break;
      }
      p.version.update((v) => v + 1);
    }, 0),
  );
}

/** The shapes tldraw should draw now (see above). */
function progressiveRenderingShapes(this: Editor): TLRenderingShape[] {
  const all = renderingShapes.call(this);
  const p = progress(this);
  if (p.done) {
    // Shapes arrive a few at a time as people draw; a burst (the server's state arriving after
    // the editor started from an older copy) is mounted like a board opening.
    if (all.length - p.lastAll.length <= BATCH) {
      p.lastAll = all;
      return all;
    }
    p.done = false;
    p.mounted = new Set(p.lastAll.map((r) => r.id));
  }
  p.version.get();
  const culled = this.getCulledShapes();
  const shown: TLRenderingShape[] = [];
  for (const r of all) {
    if (!culled.has(r.id)) p.mounted.add(r.id);
    if (p.mounted.has(r.id)) shown.push(r);
  }
  if (shown.length === all.length) {
    p.done = true;
    p.lastAll = all;
    p.mounted.clear();
  } else {
    scheduleBatch(this, p);
  }
  return shown;
}

/** Makes every editor of this page mount its shapes progressively (once; idempotent). */
export function mountShapesProgressively(): void {
  if (Editor.prototype.getRenderingShapes === progressiveRenderingShapes) return;
  Editor.prototype.getRenderingShapes = progressiveRenderingShapes;
}
