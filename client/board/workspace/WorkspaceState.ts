import { createContext, useContext, type ComponentType } from 'react';
import { atom, type Atom, type Editor, type TLShapeId } from 'tldraw';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import type { Author } from '../cards/cardEdits';

/**
 * State of the panels around the canvas that is local to this browser tab: the current step
 * (local for now; not shared with the other participants), which card the inspector should focus
 * next, and the card created last (new cards avoid covering it).
 */
export class WorkspaceState {
  readonly currentStep: Atom<number> = atom('currentStep', 0);
  /** A card whose first field the inspector focuses as soon as it shows it. */
  readonly focusRequest: Atom<TLShapeId | null> = atom('focusRequest', null);
  lastCreatedId: TLShapeId | null = null;

  requestFocus(id: TLShapeId) {
    this.focusRequest.set(id);
  }
}

/** What every panel needs: the editor, the board's exercise, the role's rights and who is editing. */
export interface Workspace {
  editor: Editor;
  exercise: ExerciseDef;
  /** Viewer link, terminal close or newer schema: the panels only display. */
  readOnly: boolean;
  author(): Author;
  ui: WorkspaceState;
  /** What the features offer under a single selected card (e.g. "Promote to action"). */
  cardActions: readonly ComponentType<{ shapeId: TLShapeId }>[];
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside <WorkspaceContext>');
  return ws;
}
