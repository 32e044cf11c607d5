/**
 * Success metrics (the manual's module 5): the 3 × 2 grid of the categories of measurement
 * (impact on business and industry, on jobseekers and students, on public programs and
 * resources) by process and impact metrics. A new board starts with the manual's sample metrics
 * as `metric` cards (starters.ts) that the team keeps, rewords or deletes; each metric gets a
 * baseline, a target, a data source and an owner. No connectors. Figures (figures.ts): metrics by
 * category and kind, metrics ready to track, metrics missing details, metrics by owner, data
 * sources.
 */
import type { ExerciseDef } from '../kit/definitions';
import { evidence } from './evidence';
import { figures } from './figures';
import { metricItem } from './items';
import { SAMPLE_METRIC_CARDS } from './starters';
import { successMetricsTemplate } from './template';

export const successMetrics: ExerciseDef = {
  template: successMetricsTemplate,
  itemTypes: [metricItem],
  connectorKinds: [],
  figures,
  evidence,
  starterItems: SAMPLE_METRIC_CARDS,
  // Measuring results is how a partnership periodically assesses its progress and shows each
  // partner the value of taking part: the questions of the manual's step 6.
  reviewPhase: 'sustain-evolve',
};
