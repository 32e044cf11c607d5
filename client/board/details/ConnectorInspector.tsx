import { useId } from 'react';
import { getArrowBindings, useValue, type TLArrowShape, type TLShapeId } from 'tldraw';
import { defaultFields, displayValue, type ConnectorKindDef } from '../../../exercises/kit/definitions';
import { readFields } from '../../../exercises/kit/extract';
import type { FieldValue } from '../../../shared/results';
import { connectorDataOf, isItemShape, itemDefOf, setConnector } from '../cards/cardEdits';
import { connectorKindsFor } from './connectorChoices';
import { FieldControl, FieldList } from '../cards/FieldControl';
import { useWorkspace } from '../workspace/WorkspaceState';

interface ArrowEnd {
  /** Item type of the card at this end (null when not on a card). */
  itemType: string | null;
  text: string;
}

/** Title of the card (or description of the shape) an arrow end is bound to. */
function useArrowEnds(arrowId: TLShapeId): { start: ArrowEnd; end: ArrowEnd } {
  const { editor } = useWorkspace();
  return useValue(
    'arrowEnds',
    () => {
      const arrow = editor.getShape(arrowId);
      const none: ArrowEnd = { itemType: null, text: 'not connected' };
      if (arrow?.type !== 'arrow') return { start: none, end: none };
      const bindings = getArrowBindings(editor, arrow as TLArrowShape);
      const describe = (toId: TLShapeId | undefined): ArrowEnd => {
        const target = toId ? editor.getShape(toId) : undefined;
        if (!target) return none;
        const def = itemDefOf(target);
        if (!def || !isItemShape(target)) return { itemType: null, text: `a ${target.type} shape (not a card)` };
        const titleField = def.fields.find((f) => f.key === def.titleField);
        const title = titleField ? displayValue(titleField, target.props[titleField.key]) : '';
        return { itemType: def.type, text: `${def.label}: ${title || '(untitled)'}` };
      };
      return { start: describe(bindings.start?.toId), end: describe(bindings.end?.toId) };
    },
    [editor, arrowId],
  );
}

/** The kind of a selected arrow and the kind's fields. */
export function ConnectorInspector({ id }: { id: TLShapeId }) {
  const { editor, exercise, readOnly, author } = useWorkspace();
  const arrow = useValue('inspectedArrow', () => editor.getShape(id), [editor, id]);
  const locked = useValue('inspectedArrowLocked', () => editor.isShapeOrAncestorLocked(id), [editor, id]);
  const ends = useArrowEnds(id);
  const idBase = useId();
  if (arrow?.type !== 'arrow') return null;

  const kinds = exercise.connectorKinds;
  const data = connectorDataOf(arrow);
  const kind: ConnectorKindDef | undefined = data ? kinds.find((k) => k.kind === data.kind) : undefined;
  const choice = connectorKindsFor(kinds, ends.start.itemType, ends.end.itemType);
  const offered = kind && !choice.kinds.includes(kind) ? [...choice.kinds, kind] : choice.kinds;
  const fields = kind ? readFields(kind.fields, data?.fields) : {};

  const chooseKind = (value: string) => {
    const next = kinds.find((k) => k.kind === value);
    setConnector(editor, id, next ? { kind: next.kind, fields: defaultFields(next.fields) } : null, author());
  };
  const commitField = (key: string) => (value: FieldValue) => {
    if (!kind) return;
    const current = connectorDataOf(editor.getShape(id) ?? arrow);
    setConnector(editor, id, { kind: kind.kind, fields: { ...readFields(kind.fields, current?.fields), [key]: value } }, author());
  };

  return (
    <div className="inspector-connector" data-testid="connector-inspector" data-shape-id={id} data-kind={data?.kind ?? ''}>
      <p className="insp-type">
        <span aria-hidden="true">→</span> <span>Arrow</span>
      </p>
      <dl className="insp-ends">
        <div>
          <dt>From</dt>
          <dd data-testid="arrow-start" className={ends.start.itemType ? undefined : 'muted'}>
            {ends.start.text}
          </dd>
        </div>
        <div>
          <dt>To</dt>
          <dd data-testid="arrow-end" className={ends.end.itemType ? undefined : 'muted'}>
            {ends.end.text}
          </dd>
        </div>
      </dl>
      {kinds.length === 0 ? (
        <p className="hint">This exercise has no kinds of connection: arrows stay free drawings.</p>
      ) : readOnly ? (
        <>
          <dl className="insp-readonly">
            <div>
              <dt>Connector kind</dt>
              <dd>{kind?.label ?? (data ? data.kind : 'none (free arrow)')}</dd>
            </div>
          </dl>
          {kind && <FieldList fields={kind.fields} values={fields} />}
        </>
      ) : (
        <form className="insp-form" aria-label="Connector" onSubmit={(e) => e.preventDefault()}>
          {locked && <p className="hint">This arrow is locked: unlock it on the canvas to change it.</p>}
          <div className="insp-field">
            <label htmlFor={`${idBase}-kind`}>Connector kind</label>
            <select
              id={`${idBase}-kind`}
              data-testid="connector-kind"
              value={kind?.kind ?? ''}
              disabled={locked}
              aria-describedby={choice.note ? `${idBase}-kind-note` : undefined}
              onChange={(e) => chooseKind(e.target.value)}
            >
              <option value="">none (free arrow)</option>
              {offered.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
            {choice.note && (
              <p id={`${idBase}-kind-note`} className="hint">
                {choice.note}
              </p>
            )}
            {kind && <p className="hint">{kind.description}</p>}
          </div>
          {kind?.fields.map((f) => (
            <FieldControl key={`${kind.kind}:${f.key}`} field={f} value={fields[f.key]} idBase={`${idBase}-${kind.kind}`} disabled={locked} onCommit={commitField(f.key)} />
          ))}
        </form>
      )}
    </div>
  );
}
