import type { BoardFeature } from '../workspace/boardFeature';
import { FiguresPanel } from './FiguresPanel';
import { Inspector } from './Inspector';

/**
 * The Details tab (boards with item types or connector kinds): the selected card's or arrow's
 * fields, then the exercise's live results. On the board's first screen, so not in a chunk.
 */
export const detailsFeature: BoardFeature = {
  id: 'details',
  useTab({ ready, exercise, live }) {
    if (!ready || !exercise || !live || (exercise.itemTypes.length === 0 && exercise.connectorKinds.length === 0)) return null;
    return {
      id: 'details',
      label: 'Details',
      content: (
        <>
          <Inspector />
          <FiguresPanel live={live} />
        </>
      ),
    };
  },
};
