import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import { EDIT_ITEM_EVENT } from '../shapes';
import { itemDefOf } from '../cards/cardEdits';
import { ConnectorInspector } from './ConnectorInspector';
import { ItemInspector } from './ItemInspector';
import { CardActions } from './CardActions';
import { useWorkspace } from '../workspace/WorkspaceState';

type Selection =
  | { kind: 'none' }
  | { kind: 'item'; id: TLShapeId; type: string }
  | { kind: 'arrow'; id: TLShapeId }
  | { kind: 'other'; count: number };

/** The right panel's top section: the fields of the one selected card or arrow. */
export function Inspector() {
  const { editor, ui, readOnly } = useWorkspace();
  const selection = useValue<Selection>(
    'inspectorSelection',
    () => {
      const ids = editor.getSelectedShapeIds();
      if (ids.length === 0) return { kind: 'none' };
      if (ids.length === 1) {
        const shape = editor.getShape(ids[0]);
        const def = itemDefOf(shape);
        if (shape && def) return { kind: 'item', id: shape.id, type: def.type };
        if (shape?.type === 'arrow') return { kind: 'arrow', id: shape.id };
      }
      return { kind: 'other', count: ids.length };
    },
    [editor],
  );

  // A new selection brings the inspector back into view when the panel was scrolled past it.
  const sectionRef = useRef<HTMLElement>(null);
  const selectionKey = selection.kind === 'item' || selection.kind === 'arrow' ? selection.id : selection.kind;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new selection.
  useEffect(() => {
    const section = sectionRef.current;
    const scroller = section?.closest('.side-content');
    if (section && scroller && scroller.scrollTop > section.offsetTop) scroller.scrollTop = section.offsetTop;
  }, [selectionKey]);

  // A double-clicked card asks for its first field, once the button is released: the browser
  // focuses the canvas on pointer down and would take the keyboard back.
  useEffect(() => {
    let pending: (() => void) | null = null;
    const onEdit = (e: Event) => {
      const id = (e as CustomEvent<{ id: TLShapeId }>).detail?.id;
      if (!id) return;
      pending?.();
      const timer = setTimeout(() => go(), 600);
      const go = () => {
        window.removeEventListener('pointerup', go, true);
        clearTimeout(timer);
        pending = null;
        ui.requestFocus(id);
      };
      window.addEventListener('pointerup', go, true);
      pending = () => {
        window.removeEventListener('pointerup', go, true);
        clearTimeout(timer);
      };
    };
    window.addEventListener(EDIT_ITEM_EVENT, onEdit);
    return () => {
      window.removeEventListener(EDIT_ITEM_EVENT, onEdit);
      pending?.();
    };
  }, [ui]);

  let body: ReactNode;
  switch (selection.kind) {
    case 'none':
      body = <p className="hint">Select a card or an arrow on the board to see {readOnly ? 'its fields' : 'and change its fields'}.</p>;
      break;
    case 'other':
      body = (
        <>
          <p className="hint">
            {selection.count === 1 ? 'This shape has no fields.' : `${selection.count} shapes selected.`} Select a single card or arrow to
            see its fields.
          </p>
          {selection.count === 1 && <CardActions shapeId={editor.getSelectedShapeIds()[0]} />}
        </>
      );
      break;
    case 'item': {
      const shape = editor.getShape(selection.id);
      const def = itemDefOf(shape);
      body = def ? <ItemInspector key={selection.id} id={selection.id} def={def} /> : null;
      break;
    }
    case 'arrow':
      body = <ConnectorInspector key={selection.id} id={selection.id} />;
      break;
  }

  // Escape in a field hands the keyboard back to the canvas (the blur writes pending typing).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !(e.target instanceof HTMLElement) || !e.target.closest('input, textarea, select')) return;
    e.target.blur();
    editor.getContainer().focus();
    editor.focus();
  };

  return (
    <section ref={sectionRef} className="panel-section" aria-labelledby="inspector-heading" data-testid="inspector" onKeyDown={onKeyDown}>
      <h2 id="inspector-heading">Selected</h2>
      {body}
    </section>
  );
}
