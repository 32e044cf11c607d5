import { actionsFeature } from './actions/feature';
import { detailsFeature } from './details/feature';
import { notesFeature } from './notes/feature';
import { rubricFeature } from './rubric/feature';
import { votingFeature } from './voting/feature';
import type { BoardFeature } from './workspace/boardFeature';

/**
 * The features of a board's workspace, in the order of their tabs in the right panel. A new
 * feature is a folder exporting a `BoardFeature` (see workspace/boardFeature.ts) and a line here.
 */
export const BOARD_FEATURES: readonly BoardFeature[] = [detailsFeature, votingFeature, rubricFeature, actionsFeature, notesFeature];
