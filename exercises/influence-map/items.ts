import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { FieldOption, ItemTypeDef } from '../kit/definitions';
import { itemShapeType } from '../kit/shapes';

/** Prop migrations of the priority card: version 1 added the success measure, the relevant-partners check and the quick win achieved. */
const priorityVersions = createShapePropsMigrationIds(itemShapeType('priority'), { AddSuccessPartnersAchieved: 1 });

export const ROLE_CATEGORIES: FieldOption[] = [
  { value: 'industry-champion', label: 'Industry champion' },
  { value: 'industry-partner', label: 'Broader industry partner' },
  { value: 'convener', label: 'Convener' },
  { value: 'core-support', label: 'Core support partner' },
  { value: 'community-partner', label: 'Broader community partner' },
];

/** Role categories that count as industry members of a task force. */
export const INDUSTRY_CATEGORIES: ReadonlySet<string> = new Set(['industry-champion', 'industry-partner']);
/** Role categories that can be the trusted support partner facilitating a task force. */
export const SUPPORT_CATEGORIES: ReadonlySet<string> = new Set(['convener', 'core-support']);

/** A person whose influence and commitment matter for getting the priorities done. */
const stakeholderItem: ItemTypeDef = {
  type: 'stakeholder',
  label: 'Stakeholder',
  description: 'A person who can move a priority forward: how much sway they have and how committed they are.',
  color: 'orange',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'organization', label: 'Organization', kind: 'text' },
    { key: 'category', label: 'Role', kind: 'choice', options: ROLE_CATEGORIES },
    { key: 'influence', label: 'Influence', kind: 'scale', min: 1, max: 5, minLabel: 'Little sway', maxLabel: 'Moves others' },
    {
      key: 'commitment',
      label: 'Commitment',
      kind: 'scale',
      min: 1,
      max: 5,
      minLabel: 'Not on board',
      maxLabel: 'All in',
      help: 'Leave it empty while nobody knows; an unknown commitment counts as low.',
    },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

/** A priority area the partnership chose, worked by its own task force. */
const priorityItem: ItemTypeDef = {
  type: 'priority',
  label: 'Priority area',
  description: 'A priority area and the task force working it: the outcome it wants, how it will know it succeeded, and a first quick win.',
  color: 'violet',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Priority area / task force', kind: 'text', placeholder: 'e.g. Entry-level machinist pipeline' },
    { key: 'outcome', label: 'Desired outcome', kind: 'longtext' },
    { key: 'successMeasure', label: 'How we will know we succeeded', kind: 'longtext', placeholder: 'e.g. 40 graduates hired a year, counted by the college' },
    {
      key: 'relevantPartners',
      label: 'Most relevant support partners on it',
      kind: 'boolean',
      help: 'Tick once the team has checked that the support partners who matter most for this area serve on its task force.',
    },
    { key: 'quickWin', label: 'Quick win in the next 60 days', kind: 'longtext' },
    { key: 'quickWinIdentified', label: 'Quick win identified', kind: 'boolean', help: 'Tick once the task force has agreed on a win it can deliver within 60 days.' },
    { key: 'quickWinAchieved', label: 'Quick win achieved', kind: 'boolean', help: 'Tick once the quick win has actually been delivered.' },
  ],
  migrations: createShapePropsMigrationSequence({
    sequence: [
      {
        id: priorityVersions.AddSuccessPartnersAchieved,
        up: (props) => {
          props.successMeasure = '';
          props.relevantPartners = false;
          props.quickWinAchieved = false;
        },
        down: (props) => {
          delete props.successMeasure;
          delete props.relevantPartners;
          delete props.quickWinAchieved;
        },
      },
    ],
  }),
};

export const influenceMapItemTypes: ItemTypeDef[] = [stakeholderItem, priorityItem];
