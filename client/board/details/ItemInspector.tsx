import { useEffect, useId, useRef } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import type { ItemTypeDef } from '../../../exercises/kit/definitions';
import type { FieldValue } from '../../../shared/results';
import { ConnectTo } from './ConnectTo';
import { paletteOf } from '../shapes/cardColors';
import { isItemShape, updateItemFields } from '../cards/cardEdits';
import { keepClearOfPanels } from '../cards/stepView';
import { FieldControl, FieldList } from '../cards/FieldControl';
import { CardActions } from './CardActions';
import { useWorkspace } from '../workspace/WorkspaceState';

function formatWhen(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The fields of one selected card as a form (or as a list for viewers). */
export function ItemInspector({ id, def }: { id: TLShapeId; def: ItemTypeDef }) {
  const { editor, readOnly, author, ui } = useWorkspace();
  const shape = useValue('inspectedItem', () => editor.getShape(id), [editor, id]);
  const locked = useValue('inspectedLocked', () => editor.isShapeOrAncestorLocked(id), [editor, id]);
  const focusRequest = useValue('focusRequest', () => ui.focusRequest.get(), [ui]);
  const firstInput = useRef<HTMLElement | null>(null);
  const idBase = useId();

  useEffect(() => {
    if (focusRequest !== id) return;
    ui.focusRequest.set(null);
    // On the next frame: the request may also be opening the panel this form is in.
    // (Not cancelled when the request is cleared, which re-runs this effect at once.)
    requestAnimationFrame(() => {
      const el = firstInput.current;
      if (!el?.isConnected) return;
      el.focus();
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select?.();
      // The panel now open may float over the card being filled in.
      keepClearOfPanels(editor, id);
    });
  }, [focusRequest, id, ui, editor]);

  if (!isItemShape(shape)) return null;
  const palette = paletteOf(def.color);
  const meta = shape.meta as Record<string, unknown>;
  const created = [typeof meta.createdBy === 'string' ? meta.createdBy : '', formatWhen(meta.createdAt)].filter(Boolean).join(', ');
  const updated = [typeof meta.updatedBy === 'string' ? meta.updatedBy : '', formatWhen(meta.updatedAt)].filter(Boolean).join(', ');
  const commit = (key: string) => (value: FieldValue) => updateItemFields(editor, id, { [key]: value }, author());
  const fields = [...def.fields].sort((a, b) => Number(b.key === def.titleField) - Number(a.key === def.titleField));

  return (
    <div className="inspector-item" data-testid="item-inspector" data-item-type={def.type} data-shape-id={id}>
      <p className="insp-type">
        <span className="swatch" style={{ background: palette.header, borderColor: palette.border }} aria-hidden="true" />
        <span>{def.label}</span>
      </p>
      <p className="hint insp-description">{def.description}</p>
      {readOnly ? (
        <FieldList fields={fields} values={shape.props} />
      ) : (
        <form className="insp-form" aria-label={`${def.label} fields`} onSubmit={(e) => e.preventDefault()}>
          {locked && <p className="hint">This card is locked: unlock it on the canvas to change it.</p>}
          {fields.map((f, i) => (
            <FieldControl
              key={f.key}
              field={f}
              value={shape.props[f.key]}
              idBase={idBase}
              disabled={locked}
              onCommit={commit(f.key)}
              inputRef={i === 0 ? firstInput : undefined}
            />
          ))}
        </form>
      )}
      {(created || updated) && (
        <p className="hint insp-attribution">
          {created && <>Added by {created}. </>}
          {updated && <>Last changed by {updated}.</>}
        </p>
      )}
      {!readOnly && !locked && <ConnectTo id={id} />}
      <CardActions shapeId={id} />
    </div>
  );
}
