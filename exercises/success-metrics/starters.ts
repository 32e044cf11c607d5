import type { StarterItem } from '../kit/definitions';
import { cellZoneId } from './template';

/** The manual's sample metrics, in our words, per cell of the grid. */
export const SAMPLE_METRICS: Record<string, string[]> = {
  [cellZoneId('business', 'process')]: ['Businesses engaged (how many)', 'Companies referring other companies', 'Business investment, in kind and in dollars'],
  [cellZoneId('business', 'impact')]: ['Joint ventures, new products and ideas', 'Easier access to skilled workers', 'Better HR or other operations inside firms'],
  [cellZoneId('jobseekers', 'process')]: ['New or revised training programs', 'More work-experience openings', 'Industry directly shaping curriculum and teaching'],
  [cellZoneId('jobseekers', 'impact')]: ['Shorter time to hire after graduation', 'Higher retention and advancement after hire', 'Higher earnings'],
  [cellZoneId('public', 'process')]: ['Staff shared across organizations', 'Joint projects or grants backing the partnership'],
  [cellZoneId('public', 'impact')]: ['Funding streams the partners share', 'Joint accountability for shared outcomes'],
};

/**
 * The sample metrics as starter cards, side by side near the top of their cell, below the room
 * the cell keeps for its label and its step's prompt.
 */
export const SAMPLE_METRIC_CARDS: StarterItem[] = Object.entries(SAMPLE_METRICS).flatMap(([zoneId, names]) =>
  names.map((name, n) => ({ type: 'metric', zoneId, x: 30 + n * 320, y: 140, fields: { name } })),
);
