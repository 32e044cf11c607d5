import { actionsFeature } from './actions/feature';
import { detailsFeature } from './details/feature';
import { exportsFeature } from './exports/feature';
import { peopleFeature } from './facilitation/feature';
import { historyFeature } from './history/feature';
import { linksFeature } from './links/feature';
import { notesFeature } from './notes/feature';
import { rubricFeature } from './rubric/feature';
import { votingFeature } from './voting/feature';
import type { BoardFeature } from './workspace/boardFeature';

/**
 * The features of a board, in the order of their tabs in the right panel and of their menus in
 * the top bar. A new feature is a folder exporting a `BoardFeature` (see
 * workspace/boardFeature.ts) and a line here.
 */
export const BOARD_FEATURES: readonly BoardFeature[] = [
  // Tabs of the right panel.
  detailsFeature,
  votingFeature,
  rubricFeature,
  actionsFeature,
  notesFeature,
  // Menus of the top bar.
  peopleFeature,
  linksFeature,
  historyFeature,
  exportsFeature,
];
