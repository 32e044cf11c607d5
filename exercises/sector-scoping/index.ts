/**
 * Define the scope of industry focus (the manual's step 2): candidate sectors with their labour
 * market data (`candidate-sector`: jobs, wages, trend, concentration vs state and nation, partners
 * already reaching out, order first / next / later / not a target, working definition), what
 * partners know first-hand (`sector-insight`, tied by an `insight-about` arrow), sub-segments
 * (`sector-segment`, in / at the margin / left out, tied by `segment-of`) and the geographic
 * `footprint` (what it is drawn around, a "follows the industry" check, size).
 * Figures (figures.ts): candidates ranked by signals, first and next sector, gaps in the data,
 * working definitions, the footprint check, unfinished connectors.
 */
import type { ExerciseDef } from '../kit/definitions';
import { sectorScopingConnectors } from './connectors';
import { evidence } from './evidence';
import { figures } from './figures';
import { sectorScopingItemTypes } from './items';
import { sectorScopingTemplate } from './template';

export const sectorScoping: ExerciseDef = {
  template: sectorScopingTemplate,
  itemTypes: sectorScopingItemTypes,
  connectorKinds: sectorScopingConnectors,
  figures,
  evidence,
  // The manual's step 2 itself: which sectors, from data and first-hand knowledge, first and
  // next, and a footprint that is neither too small nor too big.
  reviewPhase: 'industry-scope',
};
