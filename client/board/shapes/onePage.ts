import { react, type Editor, type TLPageId } from 'tldraw';
import { DEFAULT_PAGE_ID } from '../../../shared/doc/boardDoc';

/**
 * A board has exactly one page (`page:page`, seeded by the server). tldraw's page menu is hidden
 * (BOARD_UI_COMPONENTS), and with `maxPages: 1` tldraw neither offers "Move to page" nor creates
 * pages itself; the server refuses records that add one.
 */
export const BOARD_TLDRAW_OPTIONS = { maxPages: 1 } as const;

/**
 * Keeps the editor on the board's page, even if another page shows up (a board edited by an older
 * version), so the board never looks empty and "Go to zone" always finds its zone.
 */
export function keepOnBoardPage(editor: Editor): () => void {
  const pageId = DEFAULT_PAGE_ID as TLPageId;
  return react('keepOnBoardPage', () => {
    if (editor.getCurrentPageId() !== pageId && editor.getPage(pageId)) editor.setCurrentPage(pageId);
  });
}
