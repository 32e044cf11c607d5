import type { Editor, TLShape } from 'tldraw';
import type { ConnectorKindDef, ExerciseDef } from '../../../exercises/kit/definitions';
import { connectorLabel, connectorLook, type ResolvedLook } from '../../../exercises/kit/connectorLook';
import { CONNECTOR_META_KEY } from '../../../exercises/kit/shapes';
import { EXERCISES } from '../../../exercises/registry';
import type { FieldValue } from '../../../shared/results';

/**
 * Which exercise's connector kinds an editor shows. The board page and the snapshot page set it on
 * mount; without it a kind is looked up in every exercise (kind names are unique among them).
 */
const exerciseOfEditor = new WeakMap<Editor, ExerciseDef>();

export function setBoardExercise(editor: Editor, exercise: ExerciseDef | undefined): void {
  if (exercise) exerciseOfEditor.set(editor, exercise);
  else exerciseOfEditor.delete(editor);
}

export interface TypedConnector {
  def: ConnectorKindDef;
  look: ResolvedLook;
  label: string;
}

function kindsFor(editor: Editor, kind: string): readonly ConnectorKindDef[] | undefined {
  const own = exerciseOfEditor.get(editor);
  if (own?.connectorKinds.some((k) => k.kind === kind)) return own.connectorKinds;
  return EXERCISES.find((e) => e.connectorKinds.some((k) => k.kind === kind))?.connectorKinds;
}

/** The kind, look and label of a typed arrow; null for a free arrow or a kind this build does not know. */
export function typedConnectorOf(editor: Editor, shape: TLShape): TypedConnector | null {
  const pb = (shape.meta as Record<string, unknown> | undefined)?.[CONNECTOR_META_KEY] as
    | { kind?: unknown; fields?: unknown }
    | undefined;
  if (!pb || typeof pb.kind !== 'string') return null;
  const kinds = kindsFor(editor, pb.kind);
  const def = kinds?.find((k) => k.kind === pb.kind);
  const look = kinds ? connectorLook(kinds, pb.kind) : null;
  if (!def || !look) return null;
  const fields = pb.fields && typeof pb.fields === 'object' ? (pb.fields as Record<string, FieldValue>) : {};
  return { def, look, label: connectorLabel(def, fields) };
}

/** tldraw arrow props that carry a kind's arrowheads (written when an arrow gets its kind). */
export function arrowheadProps(look: ResolvedLook | null): { arrowheadStart: 'none' | 'arrow'; arrowheadEnd: 'none' | 'arrow' } {
  if (!look) return { arrowheadStart: 'none', arrowheadEnd: 'arrow' };
  return {
    arrowheadStart: look.arrowheads === 'both' ? 'arrow' : 'none',
    arrowheadEnd: look.arrowheads === 'none' ? 'none' : 'arrow',
  };
}
