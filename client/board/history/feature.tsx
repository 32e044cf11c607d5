import { lazyChunk } from '../../components/LazyChunk';
import type { BoardFeature } from '../workspace/boardFeature';
import { LazyMenu } from '../workspace/lazyMenu';
// The button's looks, needed before the menu's code is: in the page's own style sheet.
import './history.css';

const HistoryChunk = lazyChunk(() => import('./HistoryMenu'), (m) => m.HistoryMenu);

/** The top bar's History menu (snapshots, restore): its code downloads when first opened. */
export const historyFeature: BoardFeature = {
  id: 'history',
  TopBarMenu() {
    return (
      <LazyMenu
        wrapperClass="history"
        className="button ghost history-button"
        testId="history-button"
        what="history"
        prefetch={HistoryChunk.prefetch}
        menu={<HistoryChunk.Component openAtOnce />}
      >
        <span aria-hidden="true">⟲</span> <span className="history-label">History</span>
      </LazyMenu>
    );
  },
};
