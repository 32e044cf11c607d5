import { lazyChunk } from '../../components/LazyChunk';
import type { BoardFeature } from '../workspace/boardFeature';
import { LazyMenu } from '../workspace/lazyMenu';
// The button's looks, needed before the menu's code is: in the page's own style sheet.
import './exports.css';

const ExportChunk = lazyChunk(() => import('./ExportMenu'), (m) => m.ExportMenu);

/** The top bar's Export menu (files of the board's content): its code downloads when first opened. */
export const exportsFeature: BoardFeature = {
  id: 'exports',
  TopBarMenu({ env }) {
    return (
      <LazyMenu
        wrapperClass="export-menu"
        className="button ghost small export-button"
        testId="export-menu-button"
        what="export"
        prefetch={ExportChunk.prefetch}
        menu={<ExportChunk.Component info={env.info} token={env.token} editor={env.editor} openAtOnce />}
      >
        Export <span aria-hidden="true">▾</span>
      </LazyMenu>
    );
  },
};
