import type React from 'react';
import { computed, track, type Computed, type Editor, type TLShapeId } from 'tldraw';

/**
 * Shapes off screen are drawn empty. tldraw mounts every shape of the page and hides the culled
 * ones (off screen, neither selected nor being edited) with `display: none`; drawing their content
 * anyway (a label's rich text as HTML, a card's fields) is most of the cost of opening a big board
 * (~3 s of React rendering for 3,900 labelled shapes, bench/CONTEXT.md). A shape's content is
 * drawn when it comes on screen, in the same update that shows it.
 *
 * One signal per shape: its drawing re-renders only when its own answer changes, not whenever
 * the camera moves.
 */
const signalsOf = new WeakMap<Editor, Map<TLShapeId, Computed<boolean>>>();

/** True while tldraw culls the shape: off screen, not selected, not being edited. */
export function isOffscreen(editor: Editor, id: TLShapeId): boolean {
  let signals = signalsOf.get(editor);
  if (!signals) {
    const created = new Map<TLShapeId, Computed<boolean>>();
    signals = created;
    signalsOf.set(editor, created);
    editor.sideEffects.registerAfterDeleteHandler('shape', (shape) => {
      created.delete(shape.id);
    });
  }
  let signal = signals.get(id);
  if (!signal) {
    signal = computed(`offscreen ${id}`, () => editor.getCulledShapes().has(id));
    signals.set(id, signal);
  }
  return signal.get();
}

/**
 * The shape's drawing (`draw()`, its util's own component) while it is on screen; an empty
 * drawing while tldraw hides it. The drawing is a component of its own: the util's component
 * uses hooks, which must not come and go with the shape's place on screen in one component.
 */
export function drawnWhenOnScreen(editor: Editor, id: TLShapeId, draw: () => React.ReactNode): React.JSX.Element {
  return isOffscreen(editor, id) ? <></> : <Drawing draw={draw} />;
}

/** Draws with state tracking, as tldraw draws a shape: signals read while drawing re-render it. */
const Drawing = track(function Drawing({ draw }: { draw: () => React.ReactNode }) {
  return <>{draw()}</>;
});
