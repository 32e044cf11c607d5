import { DefaultStylePanel, useEditor, useValue, type Editor, type TLUiStylePanelProps } from 'tldraw';
import { typedConnectorOf } from './connectorKinds';

/**
 * Whether tldraw's style panel is of any use now: a drawing tool is active, or the selection holds
 * a shape whose look the panel changes. Cards, zones and typed connectors (whose look is their
 * kind's) have no styles, so selecting them, or nothing, leaves the canvas free.
 */
function stylePanelWanted(editor: Editor): boolean {
  if (editor.getIsReadonly()) return false;
  if (editor.root.getCurrent()?.shapeType) return true;
  if (!editor.isIn('select')) return false;
  const shapes = editor.getSelectedShapes();
  if (shapes.length === 0) return false;
  if (shapes.every((s) => s.type === 'arrow' && typedConnectorOf(editor, s))) return false;
  return editor.getSharedStyles().size > 0;
}

/** tldraw's style panel, shown only while `stylePanelWanted`. */
export function BoardStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const wanted = useValue('stylePanelWanted', () => stylePanelWanted(editor), [editor]);
  return wanted ? <DefaultStylePanel {...props} /> : null;
}
