import { createContext, useContext } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import { itemShapeType } from '../../../exercises/kit/shapes';
import { cleanText } from '../../../exercises/kit/text';
import { selectAndShow } from '../cards/cardEdits';
import type { ActionPlanState } from './ActionPlanState';
import type { Promotion } from './promotion';

/** What the action plan's views need: the plan, the editor (source links, promotion) and the role's rights. */
export interface ActionPlanEnv {
  plan: ActionPlanState;
  editor: Editor;
  /** Viewer link, terminal close or newer schema: the plan only displays. */
  readOnly: boolean;
}

/** Provided around the canvas and the panels, so tldraw's context menu reaches the plan too. */
export const ActionPlanContext = createContext<ActionPlanEnv | null>(null);

export function useActionPlan(): ActionPlanEnv {
  const env = useContext(ActionPlanContext);
  if (!env) throw new Error('useActionPlan outside <ActionPlanContext>');
  return env;
}

/** The plan when there is one (the context menu and the inspector also render without it). */
export function useOptionalActionPlan(): ActionPlanEnv | null {
  return useContext(ActionPlanContext);
}

/** Adds an action per promotion; the plan opens on the last one with its owner field focused. */
export function promote(plan: ActionPlanState, promotions: readonly Promotion[]): string[] {
  const ids: string[] = [];
  for (const p of promotions) {
    const id = plan.add(p, 'owner');
    if (id) ids.push(id);
  }
  return ids;
}

/** Brings a source item into view (on its page) and selects it; false when it is gone. */
export function showSource(editor: Editor, shapeId: string): boolean {
  const shape = editor.getShape(shapeId as TLShapeId);
  if (!shape) return false;
  const pageId = editor.getAncestorPageId(shape);
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId);
  selectAndShow(editor, [shape.id]);
  return true;
}

/** Titles of the board's Priority area cards, once each, for the priority area suggestions. */
export function priorityNames(editor: Editor): string[] {
  const type = itemShapeType('priority');
  const names = new Map<string, string>();
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== type) continue;
    const name = cleanText((shape.props as Record<string, unknown>).name);
    if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}
