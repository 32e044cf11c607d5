import { lazyChunk } from '../../components/LazyChunk';
import type { BoardFeature } from '../workspace/boardFeature';
import { lazyTab } from '../workspace/lazyTab';

const RubricChunk = lazyChunk(() => import('./RubricPanel'), (m) => m.RubricPanel);

/** The Rubric tab: the team's self-assessment beside the evidence the board's results give. */
export const rubricFeature: BoardFeature = {
  id: 'rubric',
  useTab({ ready, live, doc }) {
    if (!ready || !live || !doc) return null;
    return lazyTab('rubric', 'Rubric', RubricChunk, <RubricChunk.Component doc={doc} live={live} />);
  },
};
