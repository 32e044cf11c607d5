import type { ExerciseTemplate, TemplateZone } from '../../shared/template';
import { METRIC_CATEGORIES } from './items';

/** Zone id of a cell of the grid (`business`, `process` → `business-process`). */
export function cellZoneId(category: string, kind: string): string {
  return `${category}-${kind}`;
}

const CELL_W = 1000;
const CELL_H = 760;
const GAP = 100;
const COLORS: Record<string, TemplateZone['color']> = { business: 'orange', jobseekers: 'light-green', public: 'light-blue' };
const SHORT: Record<string, string> = { business: 'Business and industry', jobseekers: 'Jobseekers and students', public: 'Public programs and resources' };

/** The 3 × 2 grid: one column per category, process metrics on top, impact metrics below. */
const zones: TemplateZone[] = METRIC_CATEGORIES.flatMap((c, col) =>
  (['process', 'impact'] as const).map((kind, row) => ({
    id: cellZoneId(c.value, kind),
    label: `${SHORT[c.value]} · ${kind} metrics`,
    color: COLORS[c.value],
    x: col * (CELL_W + GAP),
    y: row * (CELL_H + GAP),
    w: CELL_W,
    h: CELL_H,
    itemTypes: ['metric'],
  })),
);

const cellStep = (category: string, kind: 'process' | 'impact', prompt: string) => ({
  id: cellZoneId(category, kind),
  title: `${SHORT[category]}: ${kind}`,
  prompt,
  minutes: 8,
  zoneId: cellZoneId(category, kind),
});

/**
 * Success metrics: a new board starts with the manual's sample metrics as cards (see index.ts);
 * the team keeps, rewords or deletes them, adds its own, and gives each a baseline, a target, a
 * source and an owner.
 */
export const successMetricsTemplate: ExerciseTemplate = {
  id: 'success-metrics',
  title: 'Success metrics',
  purpose:
    'Decide how the partnership will show its results to the businesses, partners, funders and officials who invest in it: process and impact metrics for industry, for jobseekers and students, and for public programs, each with a baseline, a target, a source and an owner.',
  version: 1,
  steps: [
    {
      id: 'samples',
      title: 'Start from the samples',
      prompt:
        'The grid starts with sample metrics in each of its six cells. Read them together: keep the ones that fit what your partnership is trying to do, reword them in your own terms, and delete the rest. Process metrics count what the partnership does; impact metrics count what changes because of it.',
      minutes: 10,
    },
    cellStep('business', 'process', 'How will we show what businesses put in? Think of how many companies take part, how often they bring in other companies, and what they invest in time or money. Add a Metric card for each measure you keep.'),
    cellStep('business', 'impact', 'What changes for the companies? New ventures, products or ideas among them, easier hiring of skilled people, better practices inside their firms. Add a Metric card for each.'),
    cellStep('jobseekers', 'process', 'What does the partnership change in education and training? New or revised programs, more work-experience places, employers shaping curricula and teaching. Add a Metric card for each.'),
    cellStep('jobseekers', 'impact', 'What changes for jobseekers and students? Time from graduation to a job, staying and moving up after being hired, what they earn. Add a Metric card for each.'),
    cellStep('public', 'process', 'How do public partners work differently? Staff shared across organizations, joint projects and grant applications in support of the partnership. Add a Metric card for each.'),
    cellStep('public', 'impact', 'What lasting change shows in public resources? Funding that partners now share, accountability for outcomes they now hold together. Add a Metric card for each.'),
    {
      id: 'baselines',
      title: 'Baselines, targets, sources and owners',
      prompt:
        'For every metric you kept, write where it stands today, where you want it to be and by when, where the numbers will come from, and who collects and reports them. The results panel lists what is still missing; a metric nobody owns will not be reported.',
      minutes: 20,
    },
  ],
  zones,
};
