import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { FieldOption, ItemTypeDef } from '../kit/definitions';
import { itemShapeType } from '../kit/shapes';

/**
 * Item types used by more than one exercise. Each is defined once: item types are global, so a
 * card keeps its meaning when it is copied from one board to another.
 */

/** The four stages the manual names, then "another stage" for the ones a team adds (named on the card). */
export const JOURNEY_STAGES: FieldOption[] = [
  { value: 'engagement', label: 'Point of engagement' },
  { value: 'referral', label: 'Referral' },
  { value: 'follow-through', label: 'Follow-through' },
  { value: 'services', label: 'Services received' },
  { value: 'other', label: 'Another stage' },
];

const journeyStepVersions = createShapePropsMigrationIds(itemShapeType('journey-step'), { AddStageName: 1 });

/** Something people say: employers about us, us about employers, jobseekers about a program. */
export const quoteItem: ItemTypeDef = {
  type: 'quote',
  label: 'Quote',
  description: 'Something people say, in their words: good or bad.',
  color: 'light-blue',
  titleField: 'text',
  w: 200,
  h: 100,
  fields: [
    { key: 'text', label: 'What is said', kind: 'longtext', placeholder: '"They call us three times a month…"' },
    {
      key: 'side',
      label: 'Who says it about whom',
      kind: 'choice',
      options: [
        { value: 'employers-about-us', label: 'Employers about us' },
        { value: 'us-about-employers', label: 'Us about employers' },
        { value: 'jobseekers-about-us', label: 'Jobseekers or students about us' },
      ],
    },
    {
      key: 'tone',
      label: 'Tone',
      kind: 'choice',
      options: [
        { value: 'positive', label: 'Positive' },
        { value: 'negative', label: 'Negative' },
      ],
    },
  ],
};

/** An idea or outcome the team wants. */
export const ideaItem: ItemTypeDef = {
  type: 'idea',
  label: 'Idea',
  description: 'An idea or an outcome the team wants to reach.',
  color: 'yellow',
  titleField: 'text',
  w: 200,
  h: 100,
  fields: [
    { key: 'text', label: 'Idea', kind: 'longtext' },
    {
      key: 'outcomeFor',
      label: 'Outcome for',
      kind: 'choice',
      options: [
        { value: 'industry', label: 'Industry' },
        { value: 'jobseekers-students', label: 'Jobseekers and students' },
        { value: 'both', label: 'Both' },
      ],
    },
    { key: 'feasible', label: 'Feasible now', kind: 'boolean', help: 'Tick when the team judges it doable with what the region has today.' },
  ],
};

/** One step of a program's journey (journey maps, and the employer journey of Many Tables). */
export const journeyStepItem: ItemTypeDef = {
  type: 'journey-step',
  label: 'Journey step',
  description: 'One step a business or a jobseeker goes through with a program.',
  color: 'light-violet',
  titleField: 'description',
  w: 200,
  h: 100,
  fields: [
    { key: 'program', label: 'Program', kind: 'text', placeholder: 'e.g. Adult education' },
    { key: 'stage', label: 'Stage', kind: 'choice', options: JOURNEY_STAGES },
    {
      key: 'stageName',
      label: 'Stage name',
      kind: 'text',
      placeholder: 'e.g. Placement, retention',
      help: 'For a stage beyond the four: name it, so steps of the same added stage count together.',
    },
    { key: 'description', label: 'What happens', kind: 'longtext' },
    {
      key: 'annotation',
      label: 'Marked as',
      kind: 'choice',
      options: [
        { value: 'strong', label: 'Strong point' },
        { value: 'weak', label: 'Weak point' },
        { value: 'redundant', label: 'Redundancy' },
        { value: 'connection', label: 'Connection' },
        { value: 'missed-connection', label: 'Missed connection' },
      ],
    },
  ],
  migrations: createShapePropsMigrationSequence({
    sequence: [{ id: journeyStepVersions.AddStageName, up: (props) => void (props.stageName = ''), down: (props) => void delete props.stageName }],
  }),
};

/** A first step the team commits to; promoted to the action plan. */
export const actionItem: ItemTypeDef = {
  type: 'action',
  label: 'Action',
  description: 'A concrete next step, with who will do it and by when.',
  color: 'green',
  titleField: 'text',
  w: 200,
  h: 100,
  fields: [
    { key: 'text', label: 'Action', kind: 'longtext' },
    { key: 'owner', label: 'Owner / who is committed', kind: 'text' },
    { key: 'due', label: 'Due date or timeline', kind: 'text', placeholder: 'e.g. within 60 days' },
  ],
};

/** Yes / no / not yet: how the manual's worksheets have a team answer its checks. */
export const YES_NO_NOT_YET: FieldOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-yet', label: 'Not yet' },
];
