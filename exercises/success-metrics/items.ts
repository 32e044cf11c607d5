import type { FieldOption, ItemTypeDef } from '../kit/definitions';

/** The three categories of measurement. */
export const METRIC_CATEGORIES: FieldOption[] = [
  { value: 'business', label: 'Impact on business and industry' },
  { value: 'jobseekers', label: 'Impact on jobseekers and students' },
  { value: 'public', label: 'Impact on public programs and resources' },
];

/** Process metrics count what the partnership does; impact metrics what changes because of it. */
export const METRIC_KINDS: FieldOption[] = [
  { value: 'process', label: 'Process metric' },
  { value: 'impact', label: 'Impact metric' },
];

/** One measure of the partnership's success, with what it takes to track it. */
export const metricItem: ItemTypeDef = {
  type: 'metric',
  label: 'Metric',
  description: 'A measure of the partnership’s success: where it starts (baseline), where it should get (target), where the numbers come from and who tracks it.',
  color: 'blue',
  titleField: 'name',
  w: 280,
  h: 200,
  fields: [
    { key: 'name', label: 'Metric', kind: 'text', placeholder: 'e.g. Companies taking part' },
    { key: 'category', label: 'Category', kind: 'choice', options: METRIC_CATEGORIES, help: 'The zone the card sits in decides; this counts outside the grid.' },
    { key: 'kind', label: 'Process or impact', kind: 'choice', options: METRIC_KINDS, help: 'The zone the card sits in decides; this counts outside the grid.' },
    { key: 'baseline', label: 'Baseline', kind: 'text', placeholder: 'e.g. 14 companies (2025)' },
    { key: 'target', label: 'Target', kind: 'text', placeholder: 'e.g. 30 companies by 2027' },
    { key: 'dataSource', label: 'Data source', kind: 'text', placeholder: 'e.g. Sign-in sheets, state wage records' },
    { key: 'owner', label: 'Owner', kind: 'text', help: 'Who collects and reports it.' },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};
